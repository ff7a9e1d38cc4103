// The co-signer picker of the suggestion form: filters the names as the user types (name, pinyin or
// initials: 王, wang, wxy) and keeps the count of ticked names. Without JavaScript the 查找 button
// re-shows the form filtered on the server, with everything typed kept.
(function () {
  var input = document.getElementById('cosignerFilter');
  if (!input) return;
  var picker = input.closest('.cosigner-picker');
  var rows = picker.querySelectorAll('label[data-name]');
  var none = picker.querySelector('[data-cosigner-none]');
  var count = picker.querySelector('[data-cosigner-count]');
  function filter() {
    var q = input.value.trim().toLowerCase().replace(/\s+/g, '');
    var shown = 0;
    rows.forEach(function (row) {
      var box = row.querySelector('input');
      var match = !q || row.getAttribute('data-name').indexOf(q) >= 0 ||
        row.getAttribute('data-pinyin').indexOf(q) >= 0 || row.getAttribute('data-initials').indexOf(q) >= 0;
      row.hidden = !(match || box.checked);
      if (!row.hidden) shown++;
    });
    if (none) none.hidden = shown > 0;
  }
  input.addEventListener('input', filter);
  // Enter in the search box filters; it does not send the form.
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); filter(); }
  });
  picker.addEventListener('change', function () {
    count.textContent = String(picker.querySelectorAll('input[name=coSignerIds]:checked').length);
  });
})();
