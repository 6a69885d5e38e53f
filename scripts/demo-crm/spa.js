// The demo CRM's client router: single-page navigation as Lightning does it.
// pushState first, then the new view renders a little later; earlier record
// views stay in the DOM hidden (cached), and the title changes last.
(function () {
  var stage = document.getElementById('stage');
  function activate(view) {
    stage.querySelectorAll('.oneContent.active').forEach(function (v) { v.classList.remove('active'); v.hidden = true; });
    view.hidden = false;
    view.classList.add('active');
  }
  function go(path) {
    fetch('/__demo/stage?path=' + encodeURIComponent(path)).then(function (r) { return r.json(); }).then(function (s) {
      setTimeout(function () {
        var cached = s.recordId && stage.querySelector('.oneContent[data-record-id="' + s.recordId + '"]');
        if (cached) activate(cached);
        else {
          var holder = document.createElement('div');
          holder.innerHTML = s.html; // server-rendered, escaped markup
          var view = holder.firstElementChild;
          stage.appendChild(view);
          activate(view);
        }
        setTimeout(function () { document.title = s.title; }, 30);
      }, 120);
    });
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-spa]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    go(location.pathname);
  });
  window.addEventListener('popstate', function () { go(location.pathname); });
})();
