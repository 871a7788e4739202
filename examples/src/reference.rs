//! A reference layer for ari's tests: it writes, as JSON lines, what `tracing` delivered to a layer
//! and what the registry made of it (parents, scopes), beside ari-tap in the same run.

use std::fmt::{self, Write as _};
use std::fs::File;
use std::io::Write as _;
use std::sync::Mutex;

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::Context;
use tracing_subscriber::registry::LookupSpan;

pub struct ReferenceLayer {
    out: Mutex<File>,
}

impl ReferenceLayer {
    pub fn from_env() -> Option<Self> {
        let path = std::env::var("ARI_REFERENCE").ok()?;
        let file = File::create(&path).unwrap_or_else(|err| panic!("ARI_REFERENCE={path}: {err}"));
        Some(ReferenceLayer {
            out: Mutex::new(file),
        })
    }

    fn emit(&self, line: String) {
        // One write per line, unbuffered: the process may end without dropping the subscriber.
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        let _ = out.write_all(line.as_bytes());
    }
}

fn tid() -> i64 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::syscall(libc::SYS_gettid) }
}

fn head(op: &str, id: Option<&Id>) -> String {
    let mut line = format!("{{\"tid\":{},\"op\":\"{op}\"", tid());
    if let Some(id) = id {
        let _ = write!(line, ",\"id\":{}", id.into_u64());
    }
    line
}

fn scope_ids<'a, S>(scope: Option<tracing_subscriber::registry::Scope<'a, S>>) -> String
where
    S: for<'l> LookupSpan<'l>,
{
    let ids: Vec<String> = scope
        .map(|scope| {
            scope
                .from_root()
                .map(|span| span.id().into_u64().to_string())
                .collect()
        })
        .unwrap_or_default();
    format!("[{}]", ids.join(","))
}

fn describe(line: &mut String, metadata: &tracing::Metadata<'_>) {
    let _ = write!(
        line,
        ",\"name\":{},\"target\":{},\"level\":\"{}\"",
        json_string(metadata.name()),
        json_string(metadata.target()),
        metadata.level()
    );
}

impl<S> tracing_subscriber::Layer<S> for ReferenceLayer
where
    S: Subscriber + for<'l> LookupSpan<'l>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let mut line = head("new", Some(id));
        let span = ctx.span(id).expect("a new span is in the registry");
        let parent = span.parent().map(|p| p.id().into_u64());
        let _ = write!(line, ",\"parent\":{}", json_id(parent));
        let _ = write!(
            line,
            ",\"scope\":{}",
            scope_ids(span.parent().map(|p| p.scope()))
        );
        describe(&mut line, attrs.metadata());
        let mut fields = JsonFields::default();
        attrs.record(&mut fields);
        let _ = writeln!(line, ",\"fields\":{{{}}}}}", fields.0);
        self.emit(line);
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, _ctx: Context<'_, S>) {
        let mut line = head("record", Some(id));
        let mut fields = JsonFields::default();
        values.record(&mut fields);
        let _ = writeln!(line, ",\"fields\":{{{}}}}}", fields.0);
        self.emit(line);
    }

    fn on_follows_from(&self, id: &Id, follows: &Id, _ctx: Context<'_, S>) {
        let mut line = head("follows", Some(id));
        let _ = writeln!(line, ",\"follows\":{}}}", follows.into_u64());
        self.emit(line);
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        let mut line = head("event", None);
        let parent = ctx.event_span(event).map(|span| span.id().into_u64());
        let _ = write!(line, ",\"parent\":{}", json_id(parent));
        let _ = write!(line, ",\"scope\":{}", scope_ids(ctx.event_scope(event)));
        describe(&mut line, event.metadata());
        let mut fields = JsonFields::default();
        event.record(&mut fields);
        let _ = writeln!(line, ",\"fields\":{{{}}}}}", fields.0);
        self.emit(line);
    }

    fn on_enter(&self, id: &Id, _ctx: Context<'_, S>) {
        self.emit(head("enter", Some(id)) + "}\n");
    }

    fn on_exit(&self, id: &Id, _ctx: Context<'_, S>) {
        self.emit(head("exit", Some(id)) + "}\n");
    }

    fn on_close(&self, id: Id, _ctx: Context<'_, S>) {
        self.emit(head("close", Some(&id)) + "}\n");
    }
}

fn json_id(id: Option<u64>) -> String {
    id.map_or_else(|| "null".to_owned(), |id| id.to_string())
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Field values as a JSON object's members, typed as `tracing` delivered them.
#[derive(Default)]
struct JsonFields(String);

impl JsonFields {
    fn push(&mut self, field: &Field, value: impl fmt::Display) {
        if !self.0.is_empty() {
            self.0.push(',');
        }
        let _ = write!(self.0, "{}:{value}", json_string(field.name()));
    }
}

impl Visit for JsonFields {
    fn record_f64(&mut self, field: &Field, value: f64) {
        if value.is_finite() {
            self.push(field, format!("{value:?}"));
        } else {
            self.push(field, json_string(&format!("{value:?}")));
        }
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.push(field, value);
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.push(field, value);
    }
    fn record_i128(&mut self, field: &Field, value: i128) {
        self.push(field, value);
    }
    fn record_u128(&mut self, field: &Field, value: u128) {
        self.push(field, value);
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.push(field, value);
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.push(field, json_string(value));
    }
    fn record_error(&mut self, field: &Field, value: &(dyn std::error::Error + 'static)) {
        self.push(field, json_string(&value.to_string()));
    }
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.push(field, json_string(&format!("{value:?}")));
    }
}
