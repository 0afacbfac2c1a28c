// The reader's IANA time zone ("Europe/Berlin"), so times of changes can be shown in it.
export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
    } catch {
        return null;
    }
}
