#include "tests/ui/uitesthelpers.h"

#include "core/model/capturedevent.h"
#include "core/store/store.h"
#include "core/store/storewriter.h"

#include <cstdio>
#include <gtest/gtest.h>

namespace hindsight::test {

std::string interactionUuid(int index)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "00000000-0000-4000-8000-%012d", index);
    return buffer;
}

bool writeInteractions(const std::string &path, int count, qint64 newestMs, int firstIndex)
{
    std::string error;
    auto store = store::Store::open(path, store::Store::OpenMode::CreateIfMissing, &error);
    if (!store) {
        ADD_FAILURE() << error;
        return false;
    }
    store::StoreWriter writer(*store);
    for (int n = 0; n < count; ++n) {
        const int i = firstIndex + n;
        model::CapturedEvent e;
        e.uuid = interactionUuid(i);
        e.timestampMs = newestMs - static_cast<qint64>(count - 1 - n) * 1000;
        e.distinctId = "person-" + std::to_string(i % 7);
        e.sessionId = "session-" + std::to_string(i % 11);
        e.url = "https://shop.example/rent/" + std::to_string(i) + "?plan=basic&ref=mail#terms";
        e.title = "Rent " + std::to_string(i);
        if (i % 10 == 0) {
            e.type = "pageview";
        } else {
            e.type = "click";
            e.chain = "button.btn:attr_id=\"rent-now\"nth-child=\"2\"text=\"Rent now " + std::to_string(i) +
                      "\";div.card:attr__data-plan=\"basic\"nth-child=\"1\";body:";
        }
        e.properties = R"({"$browser":"Firefox","plan":"basic"})";
        if (writer.add(e) == store::StoreWriter::Outcome::Rejected) {
            ADD_FAILURE() << "interaction " << i << " not stored: " << writer.error();
            return false;
        }
    }
    if (!writer.commit()) {
        ADD_FAILURE() << writer.error();
        return false;
    }
    return true;
}

} // namespace hindsight::test
