#pragma once

#include "core/model/capturedevent.h"
#include "core/model/fasthash.h"

#include <string>

namespace hindsight::store {

/// What the writer needs from an event besides its text, computed ahead (possibly on another
/// thread): the uuid as stored and the content key of every dictionary value.
struct EventKeys
{
    enum Field { Type, Distinct, Session, Url, Title, Referrer, Chain, Properties, Anon, FieldCount };
    std::string uuid; ///< encodeUuid(event.uuid)
    model::ContentKey key[FieldCount];

    /// The event computed just before, if any: equal values reuse its keys.
    struct Previous
    {
        const model::CapturedEvent *event; // null: none (value-initialised by {})
        const EventKeys *keys;
    };
    /// `chainKey`, when given, is model::contentKey(event.chain) known already.
    void compute(const model::CapturedEvent &event, const model::ContentKey *chainKey = nullptr,
                 const Previous &previous = {});
};

} // namespace hindsight::store
