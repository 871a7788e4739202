//! Values that try to break a viewer: markup and a script for the HTML page, terminal escapes that
//! would clear the screen or retitle the window, other control characters, quotes, and a very long
//! string, in str, Display, Debug and error values and in messages, inside a task.

use std::fmt;

struct Sneaky;

impl fmt::Debug for Sneaky {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sneaky { escape: \x1b[2J, bell: \x07, nul: \0 }")
    }
}

#[derive(Debug)]
struct Hostile;

impl fmt::Display for Hostile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<img src=x onerror=alert(1)> \x1b]0;pwned\x07")
    }
}

impl std::error::Error for Hostile {}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    ari_examples::init_tracing();

    let long = "x".repeat(100_000);
    tokio::spawn(async move {
        tracing::warn!(
            markup = "<script>document.title='pwned'</script>",
            quotes = "\"double\" and 'single' & ampersand",
            escapes = "\x1b[31mred\x1b[0m \x1b]0;title\x07",
            controls = "bell\x07 backspace\x08 nul\0 del\x7f c1\u{9b}",
            shown = %"display \x1b[2J clear",
            debugged = ?Sneaky,
            long = long.as_str(),
            "message with \x1b[1mbold\x1b[0m and <b>markup</b>"
        );
        let error: &(dyn std::error::Error + 'static) = &Hostile;
        tracing::error!(error, "an error that writes markup");
    })
    .await
    .unwrap();
}
