#include "core/definitions/funnel.h"

#include "tests/core/definitions/indextesthelpers.h"

#include <gtest/gtest.h>

using namespace hindsight;
using namespace hindsight::definitions;
using namespace hindsight::definitions::test;

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t t0 = kMarch1 + 9 * kHour;

const char *const kAddChain =
    R"(span:text="Add to cart";button.add-to-cart.btn:text="Add to cart";div.product-actions;main#content;body)";
const char *const kCheckoutChain = R"(form.checkout-form:attr_id="checkout";main#content;body)";

EventSpec view(std::int64_t ms, std::string who, std::string session,
               std::string product = "summit-down-jacket")
{
    EventSpec e;
    e.ms = ms;
    e.type = "pageview";
    e.url = "https://shop.example/product/" + product;
    e.distinctId = std::move(who);
    e.session = std::move(session);
    return e;
}

EventSpec add(std::int64_t ms, std::string who, std::string session)
{
    EventSpec e;
    e.ms = ms;
    e.type = "click";
    e.url = "https://shop.example/product/summit-down-jacket";
    e.chain = kAddChain;
    e.distinctId = std::move(who);
    e.session = std::move(session);
    return e;
}

EventSpec buy(std::int64_t ms, std::string who, std::string session)
{
    EventSpec e;
    e.ms = ms;
    e.type = "submit";
    e.url = "https://shop.example/checkout";
    e.chain = kCheckoutChain;
    e.distinctId = std::move(who);
    e.session = std::move(session);
    return e;
}

Step viewedProduct()
{
    Step s;
    s.eventTypes = {"pageview"};
    s.url = UrlCriterion{"/product/*", TextMatchMode::Wildcard, true, UrlScope::Path};
    return s;
}
Step addedToCart()
{
    Step s;
    s.eventTypes = {"click"};
    s.selector = "button.add-to-cart";
    return s;
}
Step checkedOut()
{
    Step s;
    s.eventTypes = {"submit"};
    s.selector = "#checkout";
    return s;
}

class FunnelTest : public ::testing::Test
{
  protected:
    void SetUp() override
    {
        std::vector<EventSpec> events;
        // alice: view, add (+10 s), buy (+70 s) in one session; later another session with a view only.
        events.push_back(view(t0, "alice", "sA"));
        events.push_back(add(t0 + 10 * kSecond, "alice", "sA"));
        events.push_back(buy(t0 + 70 * kSecond, "alice", "sA"));
        events.push_back(view(t0 + 5 * kHour, "alice", "sA2"));
        // bob: view, add (+20 s), never buys.
        events.push_back(view(t0 + 1 * kSecond, "bob", "sB"));
        events.push_back(add(t0 + 21 * kSecond, "bob", "sB"));
        // carol: adds BEFORE viewing, so the add does not count; then only a view.
        events.push_back(add(t0, "carol", "sC"));
        events.push_back(view(t0 + 5 * kSecond, "carol", "sC"));
        // dave: views in one session, adds an hour later in another.
        events.push_back(view(t0, "dave", "sD1"));
        events.push_back(add(t0 + kHour, "dave", "sD2"));
        // erin: anonymous view and add, then identifies and buys in the same session.
        events.push_back(view(t0, "anon-e", "sE"));
        events.push_back(add(t0 + 30 * kSecond, "anon-e", "sE"));
        EventSpec identify;
        identify.ms = t0 + 40 * kSecond;
        identify.type = "identify";
        identify.distinctId = "erin";
        identify.anonDistinctId = "anon-e";
        identify.session = "sE";
        events.push_back(identify);
        events.push_back(buy(t0 + 90 * kSecond, "erin", "sE"));
        // frank: a buy and an add, but never a product view: never enters.
        events.push_back(add(t0, "frank", "sF"));
        events.push_back(buy(t0 + kMinute, "frank", "sF"));
        std::sort(events.begin(), events.end(),
                  [](const EventSpec &a, const EventSpec &b) { return a.ms < b.ms; });
        store.add(events);
        index = store.index();
        ASSERT_TRUE(index);
        viewed.emplace(compileOrDie(definitionOf("Viewed product", {viewedProduct()}), *index));
        added.emplace(compileOrDie(definitionOf("Added to cart", {addedToCart()}), *index));
        checked.emplace(compileOrDie(definitionOf("Checked out", {checkedOut()}), *index));
    }

    FunnelResult run(const FunnelOptions &options)
    {
        const std::vector<const CompiledDefinition *> steps{&*viewed, &*added, &*checked};
        std::string error;
        auto r = funnel(*index, steps, options, &error);
        EXPECT_TRUE(r) << error;
        return r ? *r : FunnelResult{};
    }

    TestStore store;
    std::unique_ptr<InteractionIndex> index;
    std::optional<CompiledDefinition> viewed, added, checked;
};

} // namespace

TEST_F(FunnelTest, WithinASessionByPerson)
{
    const FunnelResult r = run({});
    ASSERT_EQ(r.steps.size(), 3u);
    EXPECT_EQ(r.steps[0].name, "Viewed product");
    // Entered: alice, bob, carol, dave, erin (frank never viewed a product).
    EXPECT_EQ(r.steps[0].entered, 5);
    EXPECT_DOUBLE_EQ(r.steps[0].fromFirst, 1.0);
    EXPECT_FALSE(r.steps[0].medianMsFromPrevious);
    // Added after viewing in the same session: alice, bob, erin (carol added before, dave in another
    // session).
    EXPECT_EQ(r.steps[1].entered, 3);
    EXPECT_DOUBLE_EQ(r.steps[1].fromPrevious, 0.6);
    EXPECT_DOUBLE_EQ(r.steps[1].fromFirst, 0.6);
    ASSERT_TRUE(r.steps[1].medianMsFromPrevious);
    EXPECT_EQ(*r.steps[1].medianMsFromPrevious, 20 * kSecond); // 10 s, 20 s, 30 s
    // Bought: alice, and erin once identified (one person across her anonymous and known ids).
    EXPECT_EQ(r.steps[2].entered, 2);
    EXPECT_DOUBLE_EQ(r.steps[2].fromPrevious, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(r.steps[2].fromFirst, 0.4);
    ASSERT_TRUE(r.steps[2].medianMsFromPrevious);
    EXPECT_EQ(*r.steps[2].medianMsFromPrevious, 60 * kSecond);
}

TEST_F(FunnelTest, BySessionCountsEverySessionOnce)
{
    FunnelOptions o;
    o.unit = FunnelUnit::Sessions;
    const FunnelResult r = run(o);
    // Sessions with a product view: sA, sA2, sB, sC, sD1, sE.
    EXPECT_EQ(r.steps[0].entered, 6);
    EXPECT_EQ(r.steps[1].entered, 3);
    EXPECT_EQ(r.steps[2].entered, 2);
}

TEST_F(FunnelTest, TimeWindowFollowsThePersonAcrossSessions)
{
    FunnelOptions o;
    o.window = FunnelWindow::Time;
    o.windowMs = 2 * kHour;
    const FunnelResult r = run(o);
    EXPECT_EQ(r.steps[0].entered, 5);
    // dave's add an hour later in another session now counts.
    EXPECT_EQ(r.steps[1].entered, 4);
    ASSERT_TRUE(r.steps[1].medianMsFromPrevious);
    EXPECT_EQ(*r.steps[1].medianMsFromPrevious, 25 * kSecond); // 10 s, 20 s, 30 s, 1 h
    EXPECT_EQ(r.steps[2].entered, 2);

    // A 15-second window: only alice adds in time, and her purchase is 70 s after her view.
    o.windowMs = 15 * kSecond;
    const FunnelResult tight = run(o);
    EXPECT_EQ(tight.steps[0].entered, 5);
    EXPECT_EQ(tight.steps[1].entered, 1);
    EXPECT_EQ(tight.steps[2].entered, 0);
    EXPECT_DOUBLE_EQ(tight.steps[2].fromPrevious, 0.0);
    EXPECT_FALSE(tight.steps[2].medianMsFromPrevious);
}

TEST_F(FunnelTest, RangeLimitsEveryStep)
{
    FunnelOptions o;
    o.range.fromMs = t0;
    o.range.toMs = t0 + 60 * kSecond; // alice's and erin's purchases fall outside
    const FunnelResult r = run(o);
    EXPECT_EQ(r.steps[0].entered, 5);
    EXPECT_EQ(r.steps[1].entered, 3);
    EXPECT_EQ(r.steps[2].entered, 0);
}

TEST(Funnel, ALaterAttemptCanConvertWhenTheFirstRanOut)
{
    TestStore store;
    // greg views, comes back 50 minutes later, views again and adds 5 minutes after that.
    store.add({view(t0, "greg", "g1"), view(t0 + 50 * kMinute, "greg", "g1"),
               add(t0 + 55 * kMinute, "greg", "g1")});
    auto index = store.index();
    ASSERT_TRUE(index);
    auto viewed = compileOrDie(definitionOf("Viewed", {viewedProduct()}), *index);
    auto added = compileOrDie(definitionOf("Added", {addedToCart()}), *index);
    const std::vector<const CompiledDefinition *> steps{&viewed, &added};
    FunnelOptions o;
    o.window = FunnelWindow::Time;
    o.windowMs = 30 * kMinute;
    auto r = funnel(*index, steps, o);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->steps[0].entered, 1);
    EXPECT_EQ(r->steps[1].entered, 1);
    EXPECT_EQ(*r->steps[1].medianMsFromPrevious, 5 * kMinute);

    o.windowMs = 4 * kMinute;
    r = funnel(*index, steps, o);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->steps[1].entered, 0);
}

TEST(Funnel, OneInteractionReachesOneStepOnly)
{
    TestStore store;
    store.add(
        {view(t0, "hana", "h1"), view(t0 + kMinute, "ivan", "i1"), view(t0 + 2 * kMinute, "ivan", "i1")});
    auto index = store.index();
    ASSERT_TRUE(index);
    auto viewed = compileOrDie(definitionOf("Viewed", {viewedProduct()}), *index);
    // The same definition twice: a second, strictly later view is needed for step 2.
    const std::vector<const CompiledDefinition *> steps{&viewed, &viewed};
    auto r = funnel(*index, steps, {});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->steps[0].entered, 2);
    EXPECT_EQ(r->steps[1].entered, 1);
    EXPECT_EQ(*r->steps[1].medianMsFromPrevious, kMinute);
}

TEST(Funnel, InteractionsWithoutASessionTakeNoPartInASessionFunnel)
{
    TestStore store;
    store.add({view(t0, "jo", ""), add(t0 + kSecond, "jo", "")});
    auto index = store.index();
    ASSERT_TRUE(index);
    auto viewed = compileOrDie(definitionOf("Viewed", {viewedProduct()}), *index);
    auto added = compileOrDie(definitionOf("Added", {addedToCart()}), *index);
    const std::vector<const CompiledDefinition *> steps{&viewed, &added};
    auto bySession = funnel(*index, steps, {});
    ASSERT_TRUE(bySession);
    EXPECT_EQ(bySession->steps[0].entered, 0);
    EXPECT_DOUBLE_EQ(bySession->steps[0].fromFirst, 0.0);
    FunnelOptions o;
    o.window = FunnelWindow::Time;
    o.windowMs = kMinute;
    auto byTime = funnel(*index, steps, o);
    ASSERT_TRUE(byTime);
    EXPECT_EQ(byTime->steps[0].entered, 1);
    EXPECT_EQ(byTime->steps[1].entered, 1);
}

TEST(Funnel, RefusesBadInput)
{
    TestStore store;
    store.add({view(t0, "kim", "k1")});
    auto index = store.index();
    ASSERT_TRUE(index);
    auto viewed = compileOrDie(definitionOf("Viewed", {viewedProduct()}), *index);
    std::string error;
    EXPECT_FALSE(funnel(*index, std::vector<const CompiledDefinition *>{}, {}, &error));
    EXPECT_NE(error.find("at least one step"), std::string::npos);
    EXPECT_FALSE(funnel(*index, std::vector<const CompiledDefinition *>{&viewed, nullptr}, {}, &error));
    EXPECT_NE(error.find("step 2"), std::string::npos) << error;
    FunnelOptions o;
    o.window = FunnelWindow::Time;
    EXPECT_FALSE(funnel(*index, std::vector<const CompiledDefinition *>{&viewed}, o, &error));
    EXPECT_NE(error.find("window"), std::string::npos) << error;
    std::vector<const CompiledDefinition *> tooMany(33, &viewed);
    EXPECT_FALSE(funnel(*index, tooMany, {}, &error));
}
