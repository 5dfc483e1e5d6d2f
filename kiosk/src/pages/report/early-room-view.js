// Ask for the room while the page's script is still on its way: on a slow mobile link this
// saves a whole round trip. The page takes this request over (ds-report-page.ts).
(function () {
  var room = location.pathname.split('/').filter(Boolean).pop();
  var k = new URLSearchParams(location.search).get('k');
  if (!room || !k || !window.fetch) return;
  var url = new URL('../api/rooms/' + encodeURIComponent(decodeURIComponent(room)) + '/public', location.href);
  url.searchParams.set('k', k);
  window.dsRoomView = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  window.dsRoomView.catch(function () {});
})();
