#include "core/store/eventkeys.h"

#include "core/store/uuidcodec.h"

namespace hindsight::store {

void EventKeys::compute(const model::CapturedEvent &e, const model::ContentKey *chainKey)
{
    encodeUuid(e.uuid, uuid);
    key[Type] = model::contentKey(e.type);
    key[Distinct] = model::contentKey(e.distinctId);
    key[Session] = model::contentKey(e.sessionId);
    key[Url] = model::contentKey(e.url);
    key[Title] = model::contentKey(e.title);
    key[Referrer] = model::contentKey(e.referrer);
    key[Chain] = chainKey ? *chainKey : model::contentKey(e.chain);
    key[Properties] = model::contentKey(e.properties);
    key[Anon] = model::contentKey(e.anonDistinctId);
}

} // namespace hindsight::store
