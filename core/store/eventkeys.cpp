#include "core/store/eventkeys.h"

#include "core/store/uuidcodec.h"

namespace hindsight::store {

void EventKeys::compute(const model::CapturedEvent &e, const model::ContentKey *chainKey,
                        const Previous &previous)
{
    encodeUuid(e.uuid, uuid);
    // A value equal to the previous event's has its key already (comparing is cheaper than hashing).
    const model::CapturedEvent *p = previous.event;
    auto keyOf = [&](Field field, const std::string &value, const std::string &before) {
        key[field] = p && value == before ? previous.keys->key[field] : model::contentKey(value);
    };
    keyOf(Type, e.type, p ? p->type : e.type);
    keyOf(Distinct, e.distinctId, p ? p->distinctId : e.distinctId);
    keyOf(Session, e.sessionId, p ? p->sessionId : e.sessionId);
    keyOf(Url, e.url, p ? p->url : e.url);
    keyOf(Title, e.title, p ? p->title : e.title);
    keyOf(Referrer, e.referrer, p ? p->referrer : e.referrer);
    if (chainKey)
        key[Chain] = *chainKey;
    else
        keyOf(Chain, e.chain, p ? p->chain : e.chain);
    keyOf(Properties, e.properties, p ? p->properties : e.properties);
    keyOf(Anon, e.anonDistinctId, p ? p->anonDistinctId : e.anonDistinctId);
}

} // namespace hindsight::store
