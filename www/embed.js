// Resizes iframes that show the Ankang graphic to their content's height.
// Add once per page: <script src="embed.js" async></script>
addEventListener('message', (e) => {
  const d = e.data;
  if (!d || d.type !== 'ankang-graphic:height' || !(d.height > 0)) return;
  for (const f of document.getElementsByTagName('iframe')) {
    if (f.contentWindow === e.source) f.style.height = Math.ceil(d.height) + 'px';
  }
});
