//! The layer `ari_tap::layer()` returns: the tap alone, or behind its record-time `EnvFilter`.
//!
//! An enum rather than `Option` layers: in tracing-subscriber 0.3.16 an `Option::None` layer next to a
//! per-layer filter reports a max level of OFF, which turns every callsite off for the whole subscriber.

use std::any::TypeId;

use tracing_core::metadata::LevelFilter;
use tracing_core::span::{Attributes, Id, Record};
use tracing_core::subscriber::Interest;
use tracing_core::{Dispatch, Event, Metadata, Subscriber};
use tracing_subscriber::filter::{EnvFilter, Filtered};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::registry::LookupSpan;

use crate::layer::AriLayer;

pub enum TapLayer<S> {
    Unfiltered(AriLayer),
    Filtered(Box<Filtered<AriLayer, EnvFilter, S>>),
}

/// Calls the same method on whichever layer is there.
macro_rules! delegate {
    ($self:ident, $layer:ident => $call:expr) => {
        match $self {
            TapLayer::Unfiltered($layer) => $call,
            TapLayer::Filtered($layer) => $call,
        }
    };
}

impl<S> Layer<S> for TapLayer<S>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_register_dispatch(&self, subscriber: &Dispatch) {
        delegate!(self, layer => Layer::<S>::on_register_dispatch(layer, subscriber))
    }

    fn on_layer(&mut self, subscriber: &mut S) {
        delegate!(self, layer => layer.on_layer(subscriber))
    }

    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        delegate!(self, layer => Layer::<S>::register_callsite(layer, metadata))
    }

    fn enabled(&self, metadata: &Metadata<'_>, ctx: Context<'_, S>) -> bool {
        delegate!(self, layer => layer.enabled(metadata, ctx))
    }

    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        delegate!(self, layer => layer.on_new_span(attrs, id, ctx))
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        delegate!(self, layer => Layer::<S>::max_level_hint(layer))
    }

    fn on_record(&self, span: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        delegate!(self, layer => layer.on_record(span, values, ctx))
    }

    fn on_follows_from(&self, span: &Id, follows: &Id, ctx: Context<'_, S>) {
        delegate!(self, layer => layer.on_follows_from(span, follows, ctx))
    }

    fn event_enabled(&self, event: &Event<'_>, ctx: Context<'_, S>) -> bool {
        delegate!(self, layer => layer.event_enabled(event, ctx))
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        delegate!(self, layer => layer.on_event(event, ctx))
    }

    fn on_enter(&self, id: &Id, ctx: Context<'_, S>) {
        delegate!(self, layer => layer.on_enter(id, ctx))
    }

    fn on_exit(&self, id: &Id, ctx: Context<'_, S>) {
        delegate!(self, layer => layer.on_exit(id, ctx))
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        delegate!(self, layer => layer.on_close(id, ctx))
    }

    fn on_id_change(&self, old: &Id, new: &Id, ctx: Context<'_, S>) {
        delegate!(self, layer => layer.on_id_change(old, new, ctx))
    }

    // Per-layer filtering finds `Filtered` layers through this; it must see the one inside.
    unsafe fn downcast_raw(&self, id: TypeId) -> Option<*const ()> {
        if id == TypeId::of::<Self>() {
            return Some(self as *const Self as *const ());
        }
        delegate!(self, layer => Layer::<S>::downcast_raw(layer, id))
    }
}
