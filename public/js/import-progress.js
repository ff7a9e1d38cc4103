// The import progress page reloads itself each second while the rows are being checked.
// Without JavaScript the page offers a 刷新进度 link instead.
(function () {
  if (document.querySelector('[data-import-running]')) {
    setTimeout(function () { window.location.reload(); }, 1000);
  }
})();
