/* global document, window, URL */
/* Foyer web shop on another site: <script src="https://tickets.example/shop/embed.js" data-shop="demo" async></script>
   puts the shop in a frame where the script is (data-page picks a page, e.g. "performances/<id>"), and the
   frame grows with the shop's content. The shop must list the site in its embedding origins. */
(function () {
  var script = document.currentScript;
  if (!script || !script.dataset.shop) return;
  var base = new URL(script.src).origin;
  var frame = document.createElement('iframe');
  frame.src = base + '/shop/' + encodeURIComponent(script.dataset.shop) + '/' + (script.dataset.page || '') + '?embed=1';
  frame.title = script.dataset.title || 'Tickets';
  frame.style.cssText = 'width:100%;border:0;min-height:640px;display:block';
  frame.setAttribute('allow', 'payment');
  script.parentNode.insertBefore(frame, script);
  window.addEventListener('message', function (e) {
    if (e.origin !== base || e.source !== frame.contentWindow || !e.data || !e.data.foyerShop) return;
    var h = Number(e.data.foyerShop.height);
    if (h > 0) frame.style.height = h + 'px';
  });
})();
