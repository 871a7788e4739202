//! ari-subscriber 0.0.1's text, without colour, for ari's tests: when `ARI_PLAIN_REFERENCE=PATH` is
//! set, this layer writes each span's `new`, `enter`, `exit` and `close` and each event as 0.0.1 wrote
//! them, so a test can compare `ari show --format plain` with it line for line. The rules follow
//! 0.0.1's `src/fmt/mod.rs` and `src/layer.rs`; the values go through Rust's own `{:?}`.

use std::fmt::{self, Write as _};
use std::fs::File;
use std::io::Write as _;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::Context;
use tracing_subscriber::registry::{LookupSpan, Scope};

pub struct PlainReferenceLayer {
    out: Mutex<File>,
}

/// A span's text, fixed at creation: later `record` calls do not change what 0.0.1 prints.
struct Formatted(String);

/// The values in visiting order, each as `{:?}` (0.0.1 implemented only `record_debug`, so every
/// other `record_*` reaches it through `Visit`'s defaults).
#[derive(Default)]
struct Values(Vec<(&'static str, String)>);

impl Visit for Values {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0.push((field.name(), format!("{value:?}")));
    }
}

impl PlainReferenceLayer {
    pub fn from_env() -> Option<Self> {
        let path = std::env::var("ARI_PLAIN_REFERENCE").ok()?;
        let file =
            File::create(&path).unwrap_or_else(|err| panic!("ARI_PLAIN_REFERENCE={path}: {err}"));
        Some(PlainReferenceLayer {
            out: Mutex::new(file),
        })
    }

    fn emit(&self, level: &Level, scope: &str, rest: &str) {
        let line = format!("{} {:>5} {scope}{rest}\n", timestamp(), level_text(level));
        // One write per line, unbuffered: the process may end without dropping the subscriber.
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let _ = out.write_all(line.as_bytes());
    }

    fn span_event<S>(&self, id: &Id, ctx: &Context<'_, S>, word: &str)
    where
        S: Subscriber + for<'l> LookupSpan<'l>,
    {
        let Some(span) = ctx.span(id) else { return };
        let scope = ctx.span_scope(id).map(formatted_scope).unwrap_or_default();
        self.emit(span.metadata().level(), &scope, word);
    }
}

fn level_text(level: &Level) -> &'static str {
    match *level {
        Level::TRACE => "TRACE",
        Level::DEBUG => "DEBUG",
        Level::INFO => " INFO",
        Level::WARN => " WARN",
        Level::ERROR => "ERROR",
    }
}

/// Each span from the root, followed by a space.
fn formatted_scope<S>(scope: Scope<'_, S>) -> String
where
    S: for<'l> LookupSpan<'l>,
{
    let mut text = String::new();
    for span in scope.from_root() {
        if let Some(formatted) = span.extensions().get::<Formatted>() {
            text.push_str(&formatted.0);
            text.push(' ');
        }
    }
    text
}

/// `YYYY-MM-DDTHH:MM:SS.ffffffZ`, as 0.0.1 formatted chrono's `Utc::now()`.
fn timestamp() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = since.as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:06}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        since.subsec_micros()
    )
}

impl<S> tracing_subscriber::Layer<S> for PlainReferenceLayer
where
    S: Subscriber + for<'l> LookupSpan<'l>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut values = Values::default();
        attrs.record(&mut values);
        let mut fields = String::new();
        for (name, value) in &values.0 {
            if !fields.is_empty() {
                fields.push_str(", ");
            }
            let _ = write!(fields, "{name}={value}");
        }
        let text = format!("{}[{}]{{{fields}}}", attrs.metadata().name(), id.into_u64());
        span.extensions_mut().insert(Formatted(text));
        self.span_event(id, &ctx, "new");
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut values = Values::default();
        event.record(&mut values);
        let mut text = format!("{}: ", event.metadata().target());
        let mut message = None;
        let mut first = true;
        for (name, value) in &values.0 {
            // An event's message goes last, after one space.
            if *name == "message" {
                message = Some(value);
                continue;
            }
            if !first {
                text.push_str(", ");
            }
            first = false;
            let _ = write!(text, "{name}={value}");
        }
        if let Some(message) = message {
            if !first {
                text.push(' ');
            }
            text.push_str(message);
        }
        let scope = ctx
            .event_scope(event)
            .map(formatted_scope)
            .unwrap_or_default();
        self.emit(event.metadata().level(), &scope, &text);
    }

    fn on_enter(&self, id: &Id, ctx: Context<'_, S>) {
        self.span_event(id, &ctx, "enter");
    }

    fn on_exit(&self, id: &Id, ctx: Context<'_, S>) {
        self.span_event(id, &ctx, "exit");
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        self.span_event(&id, &ctx, "close");
    }
}
