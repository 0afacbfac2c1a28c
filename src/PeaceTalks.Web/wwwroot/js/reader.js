// The reader's IANA time zone ("Europe/Berlin"), so times of changes can be shown in it.
export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
    } catch {
        return null;
    }
}

// Whether the reader's system asks for a dark colour scheme (the theme stylesheet follows it until the reader chooses).
export function prefersDark() {
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

// The reader's choice from the app bar: "pt-dark" or "pt-light" on the html element (see ThemeStylesheet).
export function setColourScheme(choice) {
    const root = document.documentElement;
    root.classList.remove("pt-dark", "pt-light");
    root.classList.add(choice);
}

// Whether the navigation drawer lies over the page (MudDrawer's responsive breakpoint: below 960 px).
export function drawerOverlays() {
    return window.matchMedia("(max-width: 959.98px)").matches;
}
