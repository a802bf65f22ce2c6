// Passkeys through the browser's WebAuthn, for the forms marked data-passkey ("create" on /account/passkeys, "get" on
// /account/login). The server's options come as JSON from data-options (a POST carrying the page's anti-forgery token in
// its header); the browser's credential goes back as JSON in the form's hidden "credential" field, with the form.
(() => {
  "use strict";

  const show = (form, text) => {
    const problem = form.querySelector(".passkey-problem");
    problem.textContent = text;
    problem.hidden = false;
  };

  const options = async (form) => {
    const response = await fetch(form.dataset.options, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "RequestVerificationToken": form.querySelector("input[name='__RequestVerificationToken']").value,
      },
      body: "{}",
    });
    if (!response.ok) throw new Error(`options: ${response.status}`);
    return response.json();
  };

  const credential = async (form) => {
    const json = await options(form);
    return form.dataset.passkey === "create"
      ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) })
      : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
  };

  for (const form of document.querySelectorAll("form[data-passkey]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = form.querySelector("button[type='submit']");
      if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
        show(form, form.dataset.unsupported);
        return;
      }
      button.disabled = true;
      try {
        const made = await credential(form);
        if (!made) throw new Error("no credential");
        form.querySelector("input[name='credential']").value = JSON.stringify(made);
        form.submit(); // a plain submit: no second submit event
      } catch (error) {
        show(form, form.dataset.failed);
        button.disabled = false;
      }
    });
  }
})();
