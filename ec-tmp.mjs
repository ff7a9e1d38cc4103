import * as echarts from 'echarts';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 260 });
chart.setOption({ animation: false, textStyle: { fontFamily: 'Noto Sans SC' }, title: { text: '按类别' }, xAxis: { type: 'category', data: ['民生', '道路交通'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3, 5], label: { show: true } }] });
console.log(chart.renderToSVGString());
chart.dispose();
const c2 = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 260 });
c2.setOption({ animation: false, series: [{ type: 'pie', data: [{name:'a',value:1},{name:'b',value:2}], label: {show:true} }] });
console.log(c2.renderToSVGString());
