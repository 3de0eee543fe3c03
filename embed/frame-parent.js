// tier-breakdown iframe parent, for host pages without pym.js or a
// Datawrapper listener. Paste once per page:
//   <iframe data-tier-breakdown-frame src="https://cdn.example/tier-breakdown/index.html?data=…"
//           title="…" style="width:100%;border:0" scrolling="no"></iframe>
//   <script src="https://cdn.example/tier-breakdown/frame-parent.js" async></script>
// Each framed widget posts its height; this sets its iframe's height to match.
(function () {
  // Once per page, under a symbol: an element with id="__tierBreakdownFrames"
  // (which a global name would see) cannot turn it off.
  var key = Symbol.for('tier-breakdown-frames');
  if (window[key] === true) return;
  window[key] = true;
  window.addEventListener('message', function (e) {
    var sizes = e.data && e.data['datawrapper-height'];
    if (!sizes || typeof sizes !== 'object') return;
    var frames = document.querySelectorAll('iframe[data-tier-breakdown-frame]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== e.source) continue;
      for (var id in sizes) {
        var h = Number(sizes[id]);
        if (h > 0 && h < 100000) frames[i].style.height = Math.ceil(h) + 'px';
      }
    }
  });
})();
