// Progressive enhancement: shows the "Copy link" buttons of subscribe blocks where the clipboard
// can be written. The page works without it: each feed is a plain link.
document.addEventListener('DOMContentLoaded', function () {
  if (!navigator.clipboard) { return; }
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        button.textContent = 'Copy failed';
      });
    });
  });
});
