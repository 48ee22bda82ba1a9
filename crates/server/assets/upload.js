// Accord: progress for the evidence upload form, where JavaScript runs. Without JavaScript the
// form posts as the plain multipart form it is; with it, the same request goes through
// XMLHttpRequest so that the bar can follow the bytes, and the browser then goes where the
// server's answer went (the item's page), or shows the error page's message.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.id !== 'upload-form' || !window.FormData) return;
  event.preventDefault();
  const progress = form.querySelector('progress');
  const button = form.querySelector('button[type=submit]');
  const xhr = new XMLHttpRequest();
  xhr.open('POST', form.action);
  xhr.upload.addEventListener('progress', (p) => {
    if (progress && p.lengthComputable) {
      progress.hidden = false;
      progress.value = Math.round((100 * p.loaded) / p.total);
    }
  });
  xhr.addEventListener('load', () => {
    if (xhr.status < 400 && xhr.responseURL) {
      window.location.assign(xhr.responseURL);
      return;
    }
    const page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    const main = page.querySelector('main');
    if (main) document.querySelector('main')?.replaceWith(main);
  });
  // A network failure: fall back to the plain form post.
  xhr.addEventListener('error', () => form.submit());
  if (button) button.disabled = true;
  xhr.send(new FormData(form));
});
