// Blazor's JS initializer for this app (loaded by blazor.web.js by its name). It watches the live connection itself:
// when the server closes it with an error (a message over the receive limit, a node that died), the page hears about
// it even where Blazor's own reconnection display does not start, so a dropped connection is never a silent dead page
// (Components/Layout/ReconnectModal.razor.js shows the dialog).
export function beforeServerStart(options) {
    const configure = options.configureSignalR;
    options.configureSignalR = builder => {
        configure?.(builder);
        const build = builder.build.bind(builder);
        builder.build = () => {
            const connection = build();
            connection.onclose(error => {
                if (error) {
                    document.dispatchEvent(new CustomEvent("peacetalks-connection-lost", { detail: String(error) }));
                }
            });
            return connection;
        };
    };
}

// Enter in a search picker picks the highlighted suggestion (the picker's own key handler). Inside a form the browser
// would also submit the form on that Enter (implicit submission), saving half-filled work and losing the pick, so the
// browser's default is stopped there; the picker still hears the key.
document.addEventListener("keydown", event => {
    if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.closest(".mud-autocomplete") && event.target.form) {
        event.preventDefault();
    }
}, true);
