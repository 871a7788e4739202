//! The `tracing_subscriber::Layer`: one record per callback, nothing else.

use tracing_core::span::{Attributes, Id, Record};
use tracing_core::subscriber::{Interest, Subscriber};
use tracing_core::{Event, Metadata};
use tracing_subscriber::layer::Context;
use tracing_subscriber::registry::LookupSpan;

use crate::encode::{kind, parent, varint, ValueEncoder};
use crate::setup;
use crate::tap::Tap;

/// Streams every callback to the destination named by `ARI_TAP`; does nothing when it is unset.
pub struct AriLayer {
    tap: Option<&'static Tap>,
}

impl AriLayer {
    pub(crate) fn from_env() -> Self {
        AriLayer {
            tap: setup::get().map(|recording| &recording.tap),
        }
    }

    /// Whether this layer records anything (`ARI_TAP` is set and its destination opened).
    pub fn is_recording(&self) -> bool {
        self.tap.is_some()
    }
}

fn encode_parent(out: &mut Vec<u8>, is_root: bool, explicit: Option<&Id>) {
    match explicit {
        Some(id) => {
            out.push(parent::EXPLICIT);
            varint(out, id.into_u64());
        }
        None if is_root => out.push(parent::ROOT),
        None => out.push(parent::CONTEXTUAL),
    }
}

impl<S> tracing_subscriber::Layer<S> for AriLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if let Some(tap) = self.tap {
            tap.callsite(metadata);
        }
        Interest::always()
    }

    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, _ctx: Context<'_, S>) {
        let Some(tap) = self.tap else { return };
        let callsite = tap.callsite(attrs.metadata());
        tap.write(
            kind::NEW_SPAN,
            |values| attrs.record(&mut ValueEncoder::new(values, attrs.metadata().fields())),
            |out, values| {
                varint(out, id.into_u64());
                varint(out, callsite);
                encode_parent(out, attrs.is_root(), attrs.parent());
                out.extend_from_slice(values);
            },
        );
    }

    fn on_record(&self, id: &Id, record: &Record<'_>, ctx: Context<'_, S>) {
        let Some(tap) = self.tap else { return };
        // A `Record` does not say which callsite its fields belong to; the span's metadata does.
        let Some(metadata) = ctx.metadata(id) else {
            return;
        };
        tap.write(
            kind::RECORD,
            |values| record.record(&mut ValueEncoder::new(values, metadata.fields())),
            |out, values| {
                varint(out, id.into_u64());
                out.extend_from_slice(values);
            },
        );
    }

    fn on_follows_from(&self, id: &Id, follows: &Id, _ctx: Context<'_, S>) {
        self.write_ids(kind::FOLLOWS_FROM, id, Some(follows));
    }

    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let Some(tap) = self.tap else { return };
        let callsite = tap.callsite(event.metadata());
        tap.write(
            kind::EVENT,
            |values| event.record(&mut ValueEncoder::new(values, event.metadata().fields())),
            |out, values| {
                varint(out, callsite);
                encode_parent(out, event.is_root(), event.parent());
                out.extend_from_slice(values);
            },
        );
    }

    fn on_enter(&self, id: &Id, _ctx: Context<'_, S>) {
        self.write_ids(kind::ENTER, id, None);
    }

    fn on_exit(&self, id: &Id, _ctx: Context<'_, S>) {
        self.write_ids(kind::EXIT, id, None);
    }

    fn on_close(&self, id: Id, _ctx: Context<'_, S>) {
        self.write_ids(kind::CLOSE, &id, None);
    }

    fn on_id_change(&self, old: &Id, new: &Id, _ctx: Context<'_, S>) {
        self.write_ids(kind::ID_CHANGE, old, Some(new));
    }
}

impl AriLayer {
    #[inline]
    fn write_ids(&self, kind: u8, id: &Id, other: Option<&Id>) {
        let Some(tap) = self.tap else { return };
        tap.write(
            kind,
            |_| {},
            |out, _| {
                varint(out, id.into_u64());
                if let Some(other) = other {
                    varint(out, other.into_u64());
                }
            },
        );
    }
}
