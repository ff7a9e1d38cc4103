// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.querySelector('.nav-toggle');
  var nav = document.getElementById('mainnav');
  if (toggle && nav) {
    toggle.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  // Menu groups (<details>): one open at a time; a click elsewhere or Escape closes them.
  var groups = document.querySelectorAll('.navgroup details');
  groups.forEach(function (d) {
    d.addEventListener('toggle', function () {
      if (d.open) groups.forEach(function (o) { if (o !== d) o.open = false; });
    });
  });
  document.addEventListener('click', function (e) {
    groups.forEach(function (d) { if (d.open && !d.contains(e.target)) d.open = false; });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    groups.forEach(function (d) {
      if (d.open) { d.open = false; d.querySelector('summary').focus(); }
    });
  });
  // After a failed submit: focus the error summary, so that a screen reader reads it and the
  // keyboard starts there; its links focus the field they name.
  var summary = document.querySelector('.error-summary');
  if (summary) {
    if (!summary.hasAttribute('tabindex')) summary.setAttribute('tabindex', '-1');
    summary.focus();
    summary.querySelectorAll('a[href^="#"]').forEach(function (a) {
      a.addEventListener('click', function (e) {
        var field = document.getElementById(a.getAttribute('href').slice(1));
        if (!field) return;
        e.preventDefault();
        field.scrollIntoView({ block: 'center' });
        field.focus();
      });
    });
  }
  // Asking before an irreversible step: <button data-confirm="…"> asks on click; <form data-confirm="…">
  // asks on submit, and only once every choice (radio group) is made: an incomplete form goes
  // straight to the server, which names what is missing.
  document.querySelectorAll('[data-confirm]').forEach(function (el) {
    var isForm = el.tagName === 'FORM';
    el.addEventListener(isForm ? 'submit' : 'click', function (e) {
      if (isForm && !choicesMade(el)) return;
      if (!window.confirm(el.getAttribute('data-confirm'))) e.preventDefault();
    });
  });
  function choicesMade(form) {
    var names = {};
    form.querySelectorAll('input[type=radio]').forEach(function (r) { names[r.name] = names[r.name] || r.checked; });
    return Object.keys(names).every(function (n) { return names[n]; });
  }
  // Print buttons: <button data-print>
  document.querySelectorAll('[data-print]').forEach(function (el) {
    el.addEventListener('click', function () { window.print(); });
  });
});
