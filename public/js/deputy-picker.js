// The deputy picker (views/partials/deputy-picker.ejs): searches the township's deputies as one
// types and lets one choose a match; the chosen id goes into the hidden field.
(function () {
  if (window.deputyPickerReady) return;
  window.deputyPickerReady = true;
  function setup(root) {
    var input = root.querySelector('input[type="search"]');
    var hidden = root.querySelector('[data-picker-value]');
    var list = root.querySelector('.picker-options');
    var status = root.querySelector('[data-picker-status]');
    var source = root.getAttribute('data-source');
    var timer = null;
    var asked = 0;
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }
    function choose(d) {
      hidden.value = String(d.id);
      input.value = d.name;
      status.textContent = '已选：' + d.name + (d.village ? '（' + d.village + '）' : '');
      close();
    }
    function show(items) {
      list.textContent = '';
      items.forEach(function (d) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.setAttribute('role', 'option');
        b.textContent = d.name + (d.village ? '（' + d.village + '）' : '');
        b.addEventListener('click', function () { choose(d); input.focus(); });
        li.appendChild(b);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
      status.textContent = items.length ? '找到' + items.length + '位代表' + (items.length >= 20 ? '（只列出前20位，请输入更多字）' : '') : '没有找到这位代表';
    }
    function search() {
      var q = input.value.trim();
      var mine = ++asked;
      fetch(source + '?q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (mine === asked) show(items); })
        .catch(function () { status.textContent = '暂时无法查询，请稍后再试'; });
    }
    input.addEventListener('input', function () {
      if (!input.value.trim()) { hidden.value = ''; status.textContent = ''; }
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') close();
      if (e.key === 'ArrowDown' && !list.hidden) { e.preventDefault(); var first = list.querySelector('button'); if (first) first.focus(); }
      if (e.key === 'Enter' && !list.hidden) { e.preventDefault(); var only = list.querySelector('button'); if (only) only.click(); }
    });
    list.addEventListener('keydown', function (e) {
      var current = document.activeElement && document.activeElement.closest('li');
      if (!current) return;
      if (e.key === 'ArrowDown' && current.nextElementSibling) { e.preventDefault(); current.nextElementSibling.querySelector('button').focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); if (current.previousElementSibling) current.previousElementSibling.querySelector('button').focus(); else input.focus(); }
      if (e.key === 'Escape') { close(); input.focus(); }
    });
    document.addEventListener('click', function (e) { if (!root.contains(e.target)) close(); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-deputy-picker]').forEach(setup);
  });
})();
