// The demo CRMs' client router: single-page navigation as real CRMs do it.
// The URL changes first (pushState or the hash), the new view renders a little
// later, and the title changes last. Salesforce-style stages keep earlier
// record views in the DOM, hidden (cached), as Lightning does.
(function () {
  var stage = document.getElementById('stage');
  var hashRouted = stage.getAttribute('data-route') === 'hash';
  function activate(view) {
    stage.querySelectorAll('.oneContent.active').forEach(function (v) { v.classList.remove('active'); v.hidden = true; });
    view.hidden = false;
    view.classList.add('active');
  }
  function render(s) {
    var holder = document.createElement('div');
    holder.innerHTML = s.html; // server-rendered, escaped markup
    var view = holder.firstElementChild;
    if (view && view.classList.contains('oneContent')) {
      var cached = s.recordId && stage.querySelector('.oneContent[data-record-id="' + s.recordId + '"]');
      if (cached) return activate(cached);
      stage.appendChild(view);
      return activate(view);
    }
    stage.replaceChildren.apply(stage, Array.prototype.slice.call(holder.childNodes));
  }
  function go(route) {
    fetch('/__demo/stage?route=' + encodeURIComponent(route)).then(function (r) { return r.ok ? r.json() : { title: 'Not found', html: '<h1>Not found</h1>' }; }).then(function (s) {
      setTimeout(function () {
        render(s);
        setTimeout(function () { document.title = s.title; }, 30);
      }, 120);
    });
  }
  var current = function () { return hashRouted ? location.hash : location.pathname + location.search; };
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-spa]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey) return;
    e.preventDefault();
    var href = a.getAttribute('href');
    if (hashRouted) { location.hash = href; return; } // hashchange renders
    history.pushState(null, '', href);
    go(current());
  });
  window.addEventListener(hashRouted ? 'hashchange' : 'popstate', function () { go(current()); });
  if (hashRouted) go(current());
})();
