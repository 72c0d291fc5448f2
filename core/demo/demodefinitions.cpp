#include "core/demo/demodefinitions.h"

#include <algorithm>
#include <string>
#include <utility>

namespace hindsight::demo {

namespace {

using definitions::Definition;
using definitions::DefinitionStatus;
using definitions::PropertyFilter;
using definitions::PropertyOp;
using definitions::Step;
using definitions::TextCriterion;
using definitions::TextMatchMode;
using definitions::UrlCriterion;
using definitions::UrlScope;

struct Meta
{
    std::string name;
    std::string description;
    std::string category;
    std::string owner;
    std::vector<std::string> tags;
    DefinitionStatus status = DefinitionStatus::Draft;
};

Definition make(Meta meta, std::vector<Step> steps)
{
    Definition d;
    d.name = std::move(meta.name);
    d.description = std::move(meta.description);
    d.category = std::move(meta.category);
    d.owner = std::move(meta.owner);
    d.tags = std::move(meta.tags);
    std::sort(d.tags.begin(), d.tags.end());
    d.status = meta.status;
    d.steps = std::move(steps);
    return d;
}

Step clickOn(std::string selector)
{
    Step s;
    s.eventTypes = {"click"};
    s.selector = std::move(selector);
    return s;
}

Step event(std::string type)
{
    Step s;
    s.eventTypes = {std::move(type)};
    return s;
}

Step pageview(std::string pathPattern, TextMatchMode mode)
{
    Step s;
    s.eventTypes = {"pageview"};
    s.url = UrlCriterion{std::move(pathPattern), mode, true, UrlScope::Path};
    return s;
}

} // namespace

std::vector<Definition> demoDefinitions()
{
    std::vector<Definition> out;
    const auto verified = DefinitionStatus::Verified;

    // --- Tidy, verified, in the Heap convention (Category - Action Object) ---
    {
        Step pdp = clickOn(R"(button[data-track="pdp-add-to-cart"])");
        Step quick = clickOn(R"(button[data-track="related-add-to-cart"])");
        out.push_back(make({"Cart - Add Item",
                            "A product was added to the cart, from its page or from 'Quick add'.",
                            "Cart",
                            "growth@northwind.example",
                            {"cart", "core"},
                            verified},
                           {pdp, quick}));
    }
    {
        Step s = clickOn(R"(a[data-track="cart-checkout"])");
        s.text = TextCriterion{"Checkout", TextMatchMode::Exact, true};
        out.push_back(make({"Cart - Click Checkout",
                            "The checkout button in the cart summary.",
                            "Cart",
                            "growth@northwind.example",
                            {"core", "funnel"},
                            verified},
                           {s}));
    }
    {
        Step s = event("submit");
        s.selector = "form#shipping-form";
        out.push_back(make({"Checkout - Submit Shipping Form",
                            "Shipping address submitted.",
                            "Checkout",
                            "payments@northwind.example",
                            {"funnel"},
                            verified},
                           {s}));
    }
    out.push_back(make({"Checkout - Click Pay Now",
                        "The final payment button.",
                        "Checkout",
                        "payments@northwind.example",
                        {"funnel", "revenue"},
                        verified},
                       {clickOn("#pay-now")}));
    out.push_back(make({"Product - View Page",
                        "A product detail page was viewed.",
                        "Product",
                        "merch@northwind.example",
                        {"core"},
                        verified},
                       {pageview("/product/*", TextMatchMode::Wildcard)}));
    {
        Step s = clickOn(R"(a[data-track="hero-cta"])");
        out.push_back(make({"Home - Click Hero Banner",
                            "The call to action in the home page hero.",
                            "Home",
                            "marketing@northwind.example",
                            {"campaign"},
                            DefinitionStatus::Draft},
                           {s}));
    }

    // --- Duplicates by meaning under unrelated names ---
    out.push_back(
        make({"clicked_add_to_cart", "", "", "", {}, DefinitionStatus::Draft}, {clickOn("#add-to-cart")}));
    {
        Step s;
        s.eventTypes = {"click"};
        s.text = TextCriterion{"add to cart", TextMatchMode::Contains, false};
        out.push_back(make({"Add To Cart Click (old)",
                            "Before the tracking attributes existed.",
                            "Cart",
                            "",
                            {"legacy"},
                            DefinitionStatus::Deprecated},
                           {s}));
    }
    {
        Step s = clickOn("button.btn-primary");
        s.url = UrlCriterion{"/checkout/payment", TextMatchMode::Exact, true, UrlScope::Path};
        out.push_back(make({"Pay button", "", "", "", {}, DefinitionStatus::Draft}, {s}));
    }

    // --- Names in other conventions, some verified anyway ---
    out.push_back(make({"Order Completed",
                        "Server-side order confirmation.",
                        "Checkout",
                        "payments@northwind.example",
                        {"revenue"},
                        verified},
                       {event("Order Completed")}));
    out.push_back(
        make({"order_completed", "", "", "", {}, DefinitionStatus::Draft}, {event("Order Completed")}));
    out.push_back(make({"signup completed", "", "Account", "", {}, verified}, {event("signup_completed")}));
    {
        Step s = event("submit");
        s.selector = "form#login-form";
        out.push_back(
            make({"Login Form Submitted", "", "Account", "identity@northwind.example", {}, verified}, {s}));
    }
    {
        Step s = clickOn("a.navbar__cart");
        out.push_back(make({"nav cart icon", "", "", "", {"nav"}, DefinitionStatus::Draft}, {s}));
    }
    {
        Step s;
        s.eventTypes = {"change"};
        s.selector = "input#site-search, input.search__input";
        out.push_back(make({"Search - Type Query", "", "Search", "", {}, DefinitionStatus::Draft}, {s}));
    }
    {
        Step s = clickOn("button.wishlist");
        out.push_back(make(
            {"Wishlist Saved", "", "Product", "merch@northwind.example", {}, DefinitionStatus::Draft}, {s}));
    }
    {
        Step s = event("Coupon Applied");
        s.properties.push_back(PropertyFilter{"coupon", PropertyOp::IsSet, ""});
        out.push_back(
            make({"Coupon Applied", "A coupon code was accepted.", "Checkout", "", {}, verified}, {s}));
    }
    {
        Step s;
        s.eventTypes = {"rageclick"};
        out.push_back(make({"Rage Click",
                            "Repeated clicks in frustration, anywhere.",
                            "Quality",
                            "ux@northwind.example",
                            {"ux"},
                            verified},
                           {s}));
    }

    // --- Stale: the element was removed from the site; matches nothing any more ---
    {
        Step s = clickOn(R"(a[data-track="promo-banner"])");
        out.push_back(make({"Home - Click Promo Banner",
                            "Summer promo strip above the navigation.",
                            "Home",
                            "marketing@northwind.example",
                            {"campaign"},
                            verified},
                           {s}));
    }

    // --- A combo over two definitions ---
    {
        Definition combo;
        combo.name = "Any Purchase Intent";
        combo.description = "Added to cart or went to checkout.";
        combo.category = "Cart";
        combo.status = DefinitionStatus::Draft;
        combo.combo = {"Cart - Add Item", "Cart - Click Checkout"};
        out.push_back(std::move(combo));
    }
    return out;
}

} // namespace hindsight::demo
