#include "core/demo/shopcatalogue.h"

#include "core/capture/elementchain.h"
#include "core/capture/jsonwriter.h"
#include "core/model/element.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <stdexcept>
#include <utility>

namespace hindsight::demo {

namespace {

using model::Element;
using model::ElementChain;

/// Small builder for one element as posthog-js records it: the class list is kept both as
/// classes and as the `class` attribute, the id both as id and as the `id` attribute.
class El
{
  public:
    explicit El(std::string tag) { m_e.tag = std::move(tag); }

    El &cls(std::string_view classList)
    {
        std::string token;
        for (char c : classList) {
            if (c == ' ') {
                if (!token.empty()) m_e.classes.push_back(std::move(token));
                token.clear();
            } else {
                token += c;
            }
        }
        if (!token.empty()) m_e.classes.push_back(std::move(token));
        m_e.attributes.emplace_back("class", std::string(classList));
        return *this;
    }
    El &id(std::string value)
    {
        m_e.attributes.emplace_back("id", value);
        m_e.id = std::move(value);
        return *this;
    }
    El &attr(std::string name, std::string value)
    {
        m_e.attributes.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    El &text(std::string value)
    {
        m_e.text = std::move(value);
        return *this;
    }
    El &href(std::string value)
    {
        m_e.attributes.emplace_back("href", value);
        m_e.href = std::move(value);
        return *this;
    }
    El &nth(int child, int ofType)
    {
        m_e.nthChild = child;
        m_e.nthOfType = ofType;
        return *this;
    }
    Element done() const
    {
        Element e = m_e;
        capture::canonicalize(e);
        return e;
    }
    operator Element() const { return done(); } // NOLINT(google-explicit-constructor)

  private:
    Element m_e;
};

std::string slugify(std::string_view name)
{
    std::string out;
    bool dash = false;
    for (unsigned char c : name) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            dash = true;
        }
    }
    return out;
}

std::string plusEncode(std::string_view text)
{
    std::string out;
    for (char c : text)
        out += c == ' ' ? '+' : c;
    return out;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

const char *const kSiteName = "Northwind Outfitters";

std::string pageTitle(std::string_view what)
{
    std::string t(what);
    t += " \xE2\x80\x93 "; // en dash
    t += kSiteName;
    return t;
}

// Ancestors shared by many chains.
Element body()
{
    return El("body").cls("theme-light").nth(2, 1);
}
Element mainContent()
{
    return El("main").id("content").cls("site-main").nth(2, 2);
}
Element header()
{
    return El("header").cls("site-header sticky").nth(1, 1);
}
Element navbar()
{
    return El("nav").cls("navbar").attr("aria-label", "Main").nth(2, 1);
}
Element footer()
{
    return El("footer").cls("site-footer").nth(3, 1);
}

} // namespace

ShopCatalogue::ShopCatalogue()
{
    buildProducts();
    buildPages();
    buildChains();
    buildProperties();
}

const char *ShopCatalogue::typeName(std::uint16_t type)
{
    static const char *const kNames[TypeCount] = {
        "pageview",       "click",        "submit",          "change",
        "pageleave",      "rageclick",    "identify",        "newsletter_signup",
        "Coupon Applied", "video_played", "Order Completed", "signup_completed"};
    if (type >= TypeCount) throw std::out_of_range("ShopCatalogue::typeName: unknown type index");
    return kNames[type];
}

std::uint32_t ShopCatalogue::addChain(const std::string &chainText)
{
    m_chains.push_back(chainText);
    return static_cast<std::uint32_t>(m_chains.size() - 1);
}

std::uint32_t ShopCatalogue::addUrl(std::string url)
{
    m_urls.push_back(std::move(url));
    return static_cast<std::uint32_t>(m_urls.size() - 1);
}

std::uint16_t ShopCatalogue::addTitle(std::string title)
{
    m_titles.push_back(std::move(title));
    return static_cast<std::uint16_t>(m_titles.size() - 1);
}

void ShopCatalogue::buildProducts()
{
    struct CategorySeed
    {
        const char *name;
        std::initializer_list<const char *> products;
    };
    const CategorySeed seeds[] = {
        {"Jackets",
         {"Summit Down Jacket", "Harbor Rain Shell", "Ridge Fleece Jacket", "Tundra Parka", "Alder Softshell",
          "Cascade Insulated Jacket", "Fjord Windbreaker", "Glacier Hooded Down Jacket", "Pine Quilted Vest",
          "Storm Pro Shell", "Meadow Light Anorak", "Basalt Hybrid Jacket", "Ember Wool Overshirt",
          "Coastal Packable Jacket", "Aurora 3-in-1 Jacket"}},
        {"Boots & Shoes",
         {"Granite Hiking Boot", "Trailrunner GTX", "Moss Approach Shoe", "Canyon Mid Boot", "Brook Sandal",
          "Timberline Winter Boot", "Scree Trail Shoe", "Lakeside Slip-On", "Ridgeback Leather Boot",
          "Pathfinder Low", "Sierra Waterproof Boot", "Fell Runner", "Cobble Chelsea Boot", "Drift Camp Shoe",
          "Summit Mountaineering Boot"}},
        {"Backpacks",
         {"Voyager 40L Pack", "Daytripper 22L", "Cragline 30L", "Commuter Roll-Top", "Trek 65L Expedition",
          "Hydro 12L Vest", "Urban Sling Bag", "Nomad Duffel 50L", "Peak Bag 18L", "Ridge Hip Pack",
          "Canopy 28L", "Alpine 45L Pack", "Compass Laptop Pack", "Summit Stuff Sack Set",
          "Packable Daypack 16L"}},
        {"Tents",
         {"Basecamp 2P Tent", "Horizon 3P Tent", "Solo Trekker Tent", "Family Dome 6P", "Ultralight Tarp",
          "Storm Shelter 2P", "Meadow 4P Tent", "Bivy Sack Pro", "Canopy Shade", "Ridgeline 1P Tent",
          "Tundra 4-Season Tent", "Pop-Up Beach Tent", "Hammock Tent", "Footprint 2P", "Vestibule Extender"}},
        {"Sleeping",
         {"Nightfall -5\xC2\xB0 Sleeping Bag", "Ember Quilt", "Glacier -15\xC2\xB0 Sleeping Bag",
          "Summer Liner", "Down Pillow", "Self-Inflating Mat", "Foam Sleeping Pad", "Double Sleeping Bag",
          "Kids Sleeping Bag", "Insulated Air Pad", "Travel Blanket", "Camp Cot", "Compression Sack",
          "Mummy Bag 0\xC2\xB0", "Synthetic Quilt"}},
        {"Base Layers",
         {"Merino 200 Crew", "Merino 150 Tee", "Thermal Leggings", "Quarter-Zip Base Layer", "Seamless Boxer",
          "Merino Hoodie", "Active Sports Bra", "Long Sleeve Tee", "Wool Neck Gaiter", "Thermal Top",
          "Lightweight Tights", "Merino Socks 3-Pack", "Hiking Socks", "Liner Gloves", "Tech Tee"}},
        {"Hats & Gloves",
         {"Classic Beanie", "Pom Beanie", "Wide Brim Sun Hat", "Trucker Cap", "Insulated Mitts",
          "Touchscreen Gloves", "Balaclava", "Bucket Hat", "Ear Warmer Headband", "Waterproof Gloves",
          "Fleece Gloves", "Wool Cap", "Sun Buff", "Expedition Mitts", "Ski Gloves"}},
        {"Accessories",
         {"Trekking Poles", "Headlamp 400", "Water Bottle 1L", "Insulated Flask", "Camp Mug", "Multi-Tool",
          "First Aid Kit", "Baseplate Compass", "Dry Bag 10L", "Trail Gaiters", "Trail Sunglasses",
          "Camp Stove", "Cook Set", "Pack Rain Cover", "Carabiner Set"}},
    };
    for (const auto &seed : seeds) {
        Category cat;
        cat.name = seed.name;
        cat.slug = slugify(seed.name);
        for (const char *name : seed.products) {
            cat.products.push_back(static_cast<int>(m_products.size()));
            m_products.push_back({name, slugify(name), static_cast<int>(m_categories.size())});
        }
        m_featured.push_back(cat.products.front());
        m_categories.push_back(std::move(cat));
    }

    const char *const queries[] = {
        "rain jacket",  "down jacket", "boots",   "hiking boot", "backpack", "tent",     "2p tent",
        "sleeping bag", "merino",      "socks",   "gloves",      "beanie",   "headlamp", "bottle",
        "stove",        "fleece",      "parka",   "trail shoe",  "kids",     "sale",     "gift card",
        "waterproof",   "ultralight",  "duffel",  "mat",         "hat",      "poles",    "liner",
        "vest",         "shell",       "gtx",     "insulated",   "camping",  "winter",   "summer",
        "bag",          "mitts",       "thermal", "quilt",       "compass"};
    for (const char *q : queries) {
        SearchQuery sq;
        sq.text = q;
        // A product matches when every word of the query is found in its lower-case name.
        std::vector<std::string> words;
        std::string w;
        for (char c : sq.text) {
            if (c == ' ') {
                words.push_back(w);
                w.clear();
            } else {
                w += c;
            }
        }
        words.push_back(w);
        for (int p = 0; p < static_cast<int>(m_products.size()) && sq.results.size() < kSearchResults; ++p) {
            const std::string name = lower(m_products[static_cast<std::size_t>(p)].name);
            bool all = true;
            for (const auto &word : words)
                all = all && name.find(word) != std::string::npos;
            if (all) sq.results.push_back(p);
        }
        m_queries.push_back(std::move(sq));
    }

    m_firstNames = {"Jane", "Oliver", "Amelia", "Noah",  "Sofia", "Liam",        "Mia",  "Lucas",
                    "Emma", "Elias",  "Hannah", "Leon",  "Chloe", "Mateo",       "Zoe",  "Finn",
                    "Ava",  "Jonas",  "Ella",   "Theo",  "Nora",  "Felix",       "Lena", "Hugo",
                    "Ida",  "Omar",   "Priya",  "Kenji", "Aisha", "Bj\xC3\xB6rn"};
    m_lastNames = {"smith",  "muller", "rossi",    "garcia", "novak",  "jensen",  "tanaka", "okafor",
                   "dubois", "silva",  "kowalski", "nguyen", "larsen", "schmidt", "costa",  "haddad"};
    m_plantedEmails = {"jane.doe@example.org",     "m.rossi@example.com",     "k.tanaka@example.net",
                       "lena.fischer@example.com", "o.grant@example.net",     "priya.sharma@example.org",
                       "tom.becker@example.com",   "ana.silva@example.net",   "j.kowalski@example.org",
                       "emma.larsen@example.com",  "noah.jensen@example.net", "sofia.conti@example.org"};

    m_profiles = {
        {"Chrome", "Windows", "Desktop", 1920, 18},  {"Chrome", "Windows", "Desktop", 1536, 8},
        {"Chrome", "Windows", "Desktop", 1366, 5},   {"Microsoft Edge", "Windows", "Desktop", 1920, 6},
        {"Firefox", "Windows", "Desktop", 1920, 4},  {"Chrome", "Mac OS X", "Desktop", 1440, 6},
        {"Safari", "Mac OS X", "Desktop", 1512, 5},  {"Firefox", "Linux", "Desktop", 1920, 1},
        {"Mobile Safari", "iOS", "Mobile", 390, 14}, {"Mobile Safari", "iOS", "Mobile", 393, 8},
        {"Mobile Safari", "iOS", "Mobile", 430, 5},  {"Chrome", "Android", "Mobile", 412, 9},
        {"Chrome", "Android", "Mobile", 360, 4},     {"Samsung Internet", "Android", "Mobile", 384, 3},
        {"Mobile Safari", "iOS", "Tablet", 820, 3},  {"Chrome", "Android", "Tablet", 800, 1},
    };
    for (const auto &p : m_profiles)
        m_profileWeightTotal += p.weight;
}

void ShopCatalogue::buildPages()
{
    const std::string origin(kOrigin);
    auto &pg = m_pages;
    pg.homeUrl = addUrl(origin + "/");
    pg.homeTitle = addTitle(std::string(kSiteName) + " \xE2\x80\x93 Gear for every trail");
    for (const auto &cat : m_categories) {
        pg.categoryUrl.push_back(addUrl(origin + "/category/" + cat.slug));
        pg.categoryTitle.push_back(addTitle(pageTitle(cat.name)));
    }
    for (const auto &p : m_products) {
        pg.productUrl.push_back(addUrl(origin + "/product/" + p.slug));
        pg.productTitle.push_back(addTitle(pageTitle(p.name)));
    }
    pg.noResultsTitle = addTitle(pageTitle("No results"));
    for (auto &q : m_queries) {
        q.url = addUrl(origin + "/search?q=" + plusEncode(q.text));
        q.title = q.results.empty()
                      ? pg.noResultsTitle
                      : addTitle(pageTitle("Search results for \xE2\x80\x9C" + q.text + "\xE2\x80\x9D"));
    }
    pg.cartUrl = addUrl(origin + "/cart");
    pg.cartTitle = addTitle(pageTitle("Your cart"));
    pg.checkoutUrl = addUrl(origin + "/checkout");
    pg.checkoutTitle = addTitle(pageTitle("Checkout: shipping"));
    pg.paymentUrl = addUrl(origin + "/checkout/payment");
    pg.paymentTitle = addTitle(pageTitle("Checkout: payment"));
    pg.confirmationUrl = addUrl(origin + "/checkout/confirmation");
    pg.confirmationTitle = addTitle(pageTitle("Thank you for your order"));
    pg.accountUrl = addUrl(origin + "/account");
    pg.accountTitle = addTitle(pageTitle("My account"));
    pg.ordersUrl = addUrl(origin + "/account/orders");
    pg.ordersTitle = addTitle(pageTitle("My orders"));
    pg.loginUrl = addUrl(origin + "/login");
    pg.loginTitle = addTitle(pageTitle("Log in"));
    pg.signupUrl = addUrl(origin + "/signup");
    pg.signupTitle = addTitle(pageTitle("Create an account"));
    pg.faqUrl = addUrl(origin + "/help/faq");
    pg.faqTitle = addTitle(pageTitle("Help & FAQ"));
    pg.resetTitle = addTitle(pageTitle("Choose a new password"));
    const std::pair<const char *, const char *> info[] = {{"/about", "About us"},
                                                          {"/help/shipping", "Shipping"},
                                                          {"/help/returns", "Returns"},
                                                          {"/privacy", "Privacy"}};
    for (const auto &[path, title] : info) {
        pg.infoUrl.push_back(addUrl(origin + path));
        pg.infoTitle.push_back(addTitle(pageTitle(title)));
    }

    // Campaign landing pages: the plain URL plus the campaign's utm query.
    const char *const utmQuery[kUtmVariants] = {
        "", "?utm_source=google&utm_medium=cpc&utm_campaign=autumn_sale",
        "?utm_source=newsletter&utm_medium=email&utm_campaign=weekly_digest",
        "?utm_source=instagram&utm_medium=social&utm_campaign=new_arrivals",
        "?utm_source=facebook&utm_medium=paid_social&utm_campaign=retargeting"};
    const std::size_t landingCount = 1 + m_categories.size() + m_products.size();
    pg.campaignUrl.assign(landingCount * kUtmVariants, 0);
    for (int utm = 1; utm < kUtmVariants; ++utm) {
        std::size_t k = static_cast<std::size_t>(utm) * landingCount;
        pg.campaignUrl[k++] = addUrl(m_urls[pg.homeUrl] + utmQuery[utm]);
        for (auto id : pg.categoryUrl)
            pg.campaignUrl[k++] = addUrl(m_urls[id] + utmQuery[utm]);
        for (auto id : pg.productUrl)
            pg.campaignUrl[k++] = addUrl(m_urls[id] + utmQuery[utm]);
    }

    m_referrers = {"$direct",
                   "https://www.google.com/",
                   "https://www.bing.com/",
                   "https://duckduckgo.com/",
                   "https://www.google.com/",
                   "$direct",
                   "https://l.instagram.com/",
                   "https://l.facebook.com/"};
}

void ShopCatalogue::buildChains()
{
    auto &el = m_el;
    auto add = [this](const ElementChain &chain) { return addChain(capture::serializeElementsChain(chain)); };

    // ---- Header: logo, category links, search, cart, account ----
    const Element hdr = header();
    const Element nav = navbar();
    const Element bod = body();
    el.navLogo =
        add({El("img").cls("brand__logo").attr("alt", kSiteName).attr("src", "/static/logo.svg").nth(1, 1),
             El("a").cls("navbar__brand").href("/").attr("aria-label", "Home").nth(1, 1), nav, hdr, bod});
    const Element navList = El("ul").cls("navbar__links").nth(2, 1);
    for (std::size_t c = 0; c < m_categories.size(); ++c) {
        const int n = static_cast<int>(c) + 1;
        el.navCategory.push_back(add({El("a")
                                          .cls("navbar__link")
                                          .href("/category/" + m_categories[c].slug)
                                          .text(m_categories[c].name)
                                          .nth(1, 1),
                                      El("li").cls("navbar__item").nth(n, n), navList, nav, hdr, bod}));
    }
    const Element searchForm = El("form")
                                   .cls("search")
                                   .attr("action", "/search")
                                   .attr("method", "get")
                                   .attr("role", "search")
                                   .nth(3, 1);
    el.navSearchInput = add({El("input")
                                 .id("site-search")
                                 .cls("search__input")
                                 .attr("name", "q")
                                 .attr("type", "search")
                                 .attr("autocomplete", "off")
                                 .attr("placeholder", "Search jackets, tents, boots\xE2\x80\xA6")
                                 .nth(2, 1),
                             searchForm, nav, hdr, bod});
    el.navSearchForm = add({searchForm, nav, hdr, bod});
    el.navCart =
        add({El("svg").cls("icon icon-cart").attr("aria-hidden", "true").nth(1, 1),
             El("a").cls("navbar__cart").href("/cart").attr("aria-label", "Cart").nth(4, 1), nav, hdr, bod});
    el.navAccount =
        add({El("a").cls("navbar__account").href("/account").text("Account").nth(5, 2), nav, hdr, bod});
    el.navLogin =
        add({El("a").cls("navbar__account").href("/login").text("Log in").nth(5, 2), nav, hdr, bod});

    // ---- Footer: links in columns, newsletter form ----
    const Element foot = footer();
    struct FooterLink
    {
        const char *href;
        const char *text;
        int column;
        int target;
    };
    const FooterLink links[] = {
        {"/about", "About us", 1, 0},
        {"https://careers.northwind.example/", "Careers", 1, -1},
        {"/help/shipping", "Shipping", 2, 1},
        {"/help/returns", "Returns & exchanges", 2, 2},
        {"/help/faq", "FAQ", 2, 4},
        {"/privacy", "Privacy policy", 3, 3},
        {"https://www.instagram.com/northwind.outfitters", "Instagram", 3, -1},
    };
    int rowInColumn[4] = {0, 0, 0, 0};
    for (const auto &l : links) {
        const int row = ++rowInColumn[l.column];
        el.footerLinks.push_back(add({El("a").cls("footer__link").href(l.href).text(l.text).nth(1, 1),
                                      El("li").nth(row, row), El("ul").cls("footer__list").nth(2, 1),
                                      El("div").cls("footer__col").nth(l.column, l.column), foot, bod}));
        m_footerTargets.push_back(l.target);
    }
    const Element newsForm = El("form").cls("newsletter").attr("action", "/newsletter").nth(2, 1);
    const Element newsCol = El("div").cls("footer__col footer__col--wide").nth(4, 4);
    el.newsletterInput = add({El("input")
                                  .cls("newsletter__input")
                                  .attr("name", "email")
                                  .attr("type", "email")
                                  .attr("autocomplete", "email")
                                  .attr("placeholder", "Your email address")
                                  .nth(1, 1),
                              newsForm, newsCol, foot, bod});
    el.newsletterButton =
        add({El("button").cls("btn btn-outline").attr("type", "submit").text("Subscribe").nth(2, 1), newsForm,
             newsCol, foot, bod});
    el.newsletterForm = add({newsForm, newsCol, foot, bod});

    const Element main = mainContent();

    // ---- Home: hero and featured grid (emotion-generated class names) ----
    el.heroCta =
        add({El("a")
                 .cls("btn btn-hero")
                 .href("/category/jackets")
                 .attr("data-track", "hero-cta")
                 .text("Shop the new season")
                 .nth(3, 1),
             El("div").cls("hero__content").nth(1, 1), El("section").cls("hero").nth(1, 1), main, bod});
    const Element featuredSection = El("section").cls("featured").attr("aria-label", "Featured").nth(2, 2);
    const Element featuredGrid = El("div").cls("css-1x2y3z").nth(2, 1);
    for (int slot = 0; slot < kFeatured; ++slot) {
        const auto &p = m_products[static_cast<std::size_t>(m_featured[static_cast<std::size_t>(slot)])];
        const Element card = El("div").cls("css-9k3l2m").nth(slot + 1, slot + 1);
        const std::string href = "/product/" + p.slug;
        el.featuredImage.push_back(
            add({El("img").cls("css-q8w1e2").attr("alt", p.name).attr("loading", "lazy").nth(1, 1),
                 El("a").cls("css-4f7h1a").href(href).nth(1, 1), card, featuredGrid, featuredSection, main,
                 bod}));
        el.featuredTitle.push_back(add({El("a").cls("css-7r2t0p").href(href).text(p.name).nth(2, 2), card,
                                        featuredGrid, featuredSection, main, bod}));
        el.featuredAdd.push_back(
            add({El("button").cls("css-1x2y3z-Button css-b5m9n1").text("Add to cart").nth(4, 1), card,
                 featuredGrid, featuredSection, main, bod}));
    }

    // ---- Category: toolbar, filters, grid of cards (styled-components class names) ----
    const Element toolbar = El("div").cls("catalog__toolbar").nth(2, 2);
    el.sortSelect = add({El("select").id("sort").cls("form-select").attr("name", "sort").nth(2, 1),
                         El("label").cls("toolbar__sort").nth(2, 1), toolbar, main, bod});
    const char *const sizes[] = {"XS", "S", "M", "L", "XL"};
    const Element filters = El("fieldset").cls("filters__group").nth(1, 1);
    for (int i = 0; i < 5; ++i) {
        el.sizeFilter.push_back(add({El("label")
                                         .attr("for", std::string("size-") + lower(sizes[i]))
                                         .text(sizes[i])
                                         .nth(2 * i + 2, i + 1),
                                     filters, El("aside").cls("filters").nth(1, 1), main, bod}));
    }
    const Element pager = El("ul").cls("pagination").nth(4, 1);
    for (int i = 0; i < 3; ++i) {
        const std::string label = i == 2 ? "Next" : std::to_string(i + 2);
        el.pageLinks.push_back(
            add({El("a").cls("page-link").href("?page=" + std::to_string(i + 2)).text(label).nth(1, 1),
                 El("li").cls("page-item").nth(i + 2, i + 2), pager, main, bod}));
    }
    const Element grid = El("div").cls("sc-eCssSg jRhQmY").nth(3, 3);
    el.cardImage.assign(m_products.size(), 0);
    el.cardTitle.assign(m_products.size(), 0);
    el.cardAdd.assign(m_products.size(), 0);
    for (const auto &cat : m_categories) {
        for (std::size_t pos = 0; pos < cat.products.size(); ++pos) {
            const auto pi = static_cast<std::size_t>(cat.products[pos]);
            const auto &p = m_products[pi];
            const int n = static_cast<int>(pos) + 1;
            const Element card = El("div").cls("sc-hKgILt kUpWoV").nth(n, n);
            const std::string href = "/product/" + p.slug;
            el.cardImage[pi] =
                add({El("img").cls("sc-gsTCUz bhdLno").attr("alt", p.name).nth(1, 1),
                     El("a").cls("sc-dlfnbm fXyZab").href(href).nth(1, 1), card, grid, main, bod});
            el.cardTitle[pi] = add(
                {El("a").cls("sc-dlfnbm fXyZab").href(href).text(p.name).nth(2, 2), card, grid, main, bod});
            el.cardAdd[pi] =
                add({El("button").cls("sc-aXZVg dKrHnN").attr("type", "button").text("Add to cart").nth(4, 1),
                     card, grid, main, bod});
        }
    }

    // ---- Product page: gallery, options, add to cart (data-track), tabs, related ----
    const Element info = El("div").cls("product__info").nth(2, 2);
    const Element productForm =
        El("form").cls("product-form").attr("action", "/cart/add").attr("method", "post").nth(3, 1);
    const Element gallery = El("ul").cls("gallery__thumbs").nth(2, 1);
    const Element galleryBox = El("div").cls("product__gallery").nth(1, 1);
    for (int i = 0; i < 5; ++i)
        el.thumbnails.push_back(add(
            {El("img").cls("thumb").nth(1, 1), El("li").nth(i + 1, i + 1), gallery, galleryBox, main, bod}));
    const Element swatchGroup = El("div").cls("swatches").attr("role", "radiogroup").nth(2, 1);
    for (int i = 0; i < 4; ++i)
        el.swatches.push_back(add({El("button").cls("swatch").attr("type", "button").nth(i + 1, i + 1),
                                   swatchGroup, productForm, info, main, bod}));
    el.sizeSelect = add({El("select").id("size").cls("form-select").attr("name", "size").nth(2, 1),
                         El("div").cls("field").nth(3, 1), productForm, info, main, bod});
    el.qtyInput = add({El("input")
                           .id("qty")
                           .cls("form-control qty")
                           .attr("name", "quantity")
                           .attr("type", "number")
                           .attr("min", "1")
                           .nth(2, 1),
                       El("div").cls("field").nth(4, 2), productForm, info, main, bod});
    const Element addButton = El("button")
                                  .id("add-to-cart")
                                  .cls("btn btn-primary btn-lg")
                                  .attr("type", "submit")
                                  .attr("data-track", "pdp-add-to-cart")
                                  .nth(5, 1);
    el.addToCartLabel = add({El("span").cls("btn__label").text("Add to cart").nth(2, 1), addButton,
                             productForm, info, main, bod});
    el.addToCartButton = add({El("button")
                                  .id("add-to-cart")
                                  .cls("btn btn-primary btn-lg")
                                  .attr("type", "submit")
                                  .attr("data-track", "pdp-add-to-cart")
                                  .text("Add to cart")
                                  .nth(5, 1),
                              productForm, info, main, bod});
    el.wishlist = add({El("button")
                           .cls("btn btn-link wishlist")
                           .attr("type", "button")
                           .attr("aria-label", "Add to wishlist")
                           .text("\xE2\x99\xA1 Save")
                           .nth(6, 2),
                       productForm, info, main, bod});
    el.sizeGuide =
        add({El("a").cls("size-guide").href("#size-guide").text("Size guide").nth(4, 1), info, main, bod});
    const Element tabs = El("div").cls("tabs").attr("role", "tablist").nth(3, 3);
    const Element tabSection = El("section").cls("product__details").nth(3, 1);
    el.descriptionTab =
        add({El("button").cls("tabs__tab is-active").attr("role", "tab").text("Description").nth(1, 1), tabs,
             tabSection, main, bod});
    el.reviewsTab = add({El("button").cls("tabs__tab").attr("role", "tab").text("Reviews").nth(2, 2), tabs,
                         tabSection, main, bod});
    el.fitTab = add({El("button").cls("tabs__tab").attr("role", "tab").text("Size & fit").nth(3, 3), tabs,
                     tabSection, main, bod});
    el.videoPlay =
        add({El("button").cls("video__play").attr("aria-label", "Play video").nth(2, 1),
             El("div").cls("video").attr("data-video", "product-demo").nth(1, 1), tabSection, main, bod});
    const Element crumbs = El("ol").cls("breadcrumb").nth(1, 1);
    for (const auto &cat : m_categories)
        el.breadcrumb.push_back(add({El("a").href("/category/" + cat.slug).text(cat.name).nth(1, 1),
                                     El("li").cls("breadcrumb-item").nth(2, 2), crumbs,
                                     El("nav").attr("aria-label", "breadcrumb").nth(1, 1), main, bod}));
    const Element related = El("ul").cls("related").nth(2, 1);
    const Element relatedSection = El("section").cls("product__related").nth(4, 2);
    el.relatedLink.assign(m_products.size() * kRelated, 0);
    for (std::size_t pi = 0; pi < m_products.size(); ++pi) {
        const auto &cat = m_categories[static_cast<std::size_t>(m_products[pi].category)];
        const auto it = std::find(cat.products.begin(), cat.products.end(), static_cast<int>(pi));
        const auto base = static_cast<std::size_t>(it - cat.products.begin());
        for (int k = 0; k < kRelated; ++k) {
            const auto &q = m_products[static_cast<std::size_t>(
                cat.products[(base + 1 + static_cast<std::size_t>(k)) % cat.products.size()])];
            el.relatedLink[pi * kRelated + static_cast<std::size_t>(k)] =
                add({El("a").href("/product/" + q.slug).text(q.name).nth(2, 1), El("li").nth(k + 1, k + 1),
                     related, relatedSection, main, bod});
        }
    }
    for (int k = 0; k < kRelated; ++k)
        el.relatedAdd.push_back(add({El("button")
                                         .cls("btn btn-sm")
                                         .attr("data-track", "related-add-to-cart")
                                         .text("Quick add")
                                         .nth(3, 1),
                                     El("li").nth(k + 1, k + 1), related, relatedSection, main, bod}));

    // ---- Search results: plain markup, positions are the only thing that tells items apart ----
    const Element results = El("div").cls("results").nth(2, 2);
    for (const auto &q : m_queries) {
        std::vector<std::uint32_t> ids;
        for (std::size_t pos = 0; pos < q.results.size(); ++pos) {
            const auto &p = m_products[static_cast<std::size_t>(q.results[pos])];
            const int n = static_cast<int>(pos) + 1;
            ids.push_back(add({El("a").href("/product/" + p.slug).text(p.name).nth(2, 1), El("div").nth(n, n),
                               results, main, bod}));
        }
        el.searchResult.push_back(std::move(ids));
    }
    for (int pos = 0; pos < kSearchResults; ++pos)
        el.searchAdd.push_back(
            add({El("button").text("Add").nth(3, 1), El("div").nth(pos + 1, pos + 1), results, main, bod}));
    el.noResultsHelp = add({El("a").href("/help/faq").text("Need help finding something?").nth(2, 1),
                            El("p").cls("empty-state").nth(1, 1), main, bod});

    // ---- Cart ----
    const Element cartList = El("ul").cls("cart-items").nth(2, 1);
    for (int k = 0; k < kCartLines; ++k) {
        const Element line = El("li").cls("cart-item").nth(k + 1, k + 1);
        el.cartQty.push_back(add({El("input")
                                      .cls("cart-item__qty form-control")
                                      .attr("name", "quantity")
                                      .attr("type", "number")
                                      .attr("min", "0")
                                      .nth(3, 1),
                                  line, cartList, main, bod}));
        el.cartRemove.push_back(add(
            {El("button").cls("cart-item__remove btn-link").attr("type", "button").text("Remove").nth(4, 1),
             line, cartList, main, bod}));
    }
    const Element summary = El("aside").cls("cart-summary").nth(3, 1);
    const Element couponForm = El("div").cls("coupon").nth(2, 1);
    el.couponInput = add({El("input")
                              .id("coupon")
                              .cls("form-control")
                              .attr("name", "coupon")
                              .attr("autocomplete", "off")
                              .attr("placeholder", "Discount code")
                              .nth(1, 1),
                          couponForm, summary, main, bod});
    el.applyCoupon = add({El("button").id("apply-coupon").cls("btn btn-secondary").text("Apply").nth(2, 1),
                          couponForm, summary, main, bod});
    el.checkoutButton = add({El("a")
                                 .cls("btn btn-primary btn-block")
                                 .href("/checkout")
                                 .attr("data-track", "cart-checkout")
                                 .text("Checkout")
                                 .nth(4, 1),
                             summary, main, bod});
    el.continueShopping =
        add({El("a").cls("link-muted").href("/").text("Continue shopping").nth(5, 2), summary, main, bod});

    // ---- Checkout: shipping form ----
    const Element shipForm = El("form")
                                 .id("shipping-form")
                                 .cls("checkout-form")
                                 .attr("action", "/checkout")
                                 .attr("method", "post")
                                 .nth(2, 1);
    const Element shipFields = El("fieldset").nth(2, 1);
    auto field = [&](int n, El input, const Element &form, const Element &fieldset) {
        return add({input.nth(2, 1), El("div").cls("form-group").nth(n, n), fieldset, form, main, bod});
    };
    el.shipEmail = field(1,
                         El("input")
                             .id("email")
                             .cls("form-control")
                             .attr("name", "email")
                             .attr("type", "email")
                             .attr("autocomplete", "email"),
                         shipForm, shipFields);
    el.shipName = field(2,
                        El("input")
                            .id("full-name")
                            .cls("form-control")
                            .attr("name", "name")
                            .attr("type", "text")
                            .attr("autocomplete", "name"),
                        shipForm, shipFields);
    el.shipAddress = field(3,
                           El("input")
                               .id("address")
                               .cls("form-control")
                               .attr("name", "address-line1")
                               .attr("type", "text")
                               .attr("autocomplete", "address-line1"),
                           shipForm, shipFields);
    el.shipCity = field(4,
                        El("input")
                            .id("city")
                            .cls("form-control")
                            .attr("name", "city")
                            .attr("type", "text")
                            .attr("autocomplete", "address-level2"),
                        shipForm, shipFields);
    el.shipPostcode = field(5,
                            El("input")
                                .id("postcode")
                                .cls("form-control")
                                .attr("name", "postcode")
                                .attr("type", "text")
                                .attr("autocomplete", "postal-code"),
                            shipForm, shipFields);
    el.shipPhone = field(6,
                         El("input")
                             .id("phone")
                             .cls("form-control")
                             .attr("name", "phone")
                             .attr("type", "tel")
                             .attr("autocomplete", "tel"),
                         shipForm, shipFields);
    el.shipCountry = field(
        7,
        El("select").id("country").cls("form-select").attr("name", "country").attr("autocomplete", "country"),
        shipForm, shipFields);
    el.shipContinue =
        add({El("button").cls("btn btn-primary").attr("type", "submit").text("Continue to payment").nth(3, 1),
             shipForm, main, bod});
    el.shipForm = add({shipForm, main, bod});
    const char *const addresses[] = {
        "Oliver Grant, 14 Mill Lane, Bristol BS1 5TR",
        "Amelia Novak, Hauptstra\xC3\x9F"
        "e 12, 10115 Berlin",
        "Lucas Dubois, 8 rue des Lilas, 69003 Lyon",
        "Sofia Rossi, Via Roma 21, 20121 Milano",
        "Noah Jensen, N\xC3\xB8rregade 5, 1165 K\xC3\xB8"
        "benhavn",
        "Emma Larsen, Storgata 40, 0182 Oslo",
        "Mia Costa, Rua Augusta 100, 1100-053 Lisboa",
        "Elias Schmidt, Lindenweg 3, 8001 Z\xC3\xBCrich",
        "Hannah Silva, Calle Mayor 7, 28013 Madrid",
        "Leon Kowalski, ul. Dluga 15, 00-238 Warszawa",
        "Chloe Haddad, 22 Kingsway, London WC2B 6LE",
        "Jane Doe, 12 Harbour Street, Leeds LS1 4AP, +44 7700 900123", // planted: a phone number
    };
    const Element savedList = El("div").cls("saved-addresses").attr("role", "radiogroup").nth(1, 1);
    for (int i = 0; i < 12; ++i)
        el.savedAddress.push_back(
            add({El("label").cls("address-card__text").text(addresses[i]).nth(2, 1),
                 El("div").cls("address-card").nth(1, 1), savedList, shipForm, main, bod}));

    // ---- Payment ----
    const Element payForm = El("form")
                                .id("payment-form")
                                .cls("checkout-form")
                                .attr("action", "/checkout/payment")
                                .attr("method", "post")
                                .nth(2, 1);
    const Element payFields = El("fieldset").cls("card-fields").nth(2, 1);
    el.ccName = field(1,
                      El("input")
                          .id("cc-name")
                          .cls("form-control")
                          .attr("name", "ccname")
                          .attr("type", "text")
                          .attr("autocomplete", "cc-name"),
                      payForm, payFields);
    el.ccNumber = field(2,
                        El("input")
                            .id("cc-number")
                            .cls("form-control")
                            .attr("name", "cardnumber")
                            .attr("type", "text")
                            .attr("inputmode", "numeric")
                            .attr("autocomplete", "cc-number"),
                        payForm, payFields);
    el.ccExp = field(3,
                     El("input")
                         .id("cc-exp")
                         .cls("form-control")
                         .attr("name", "cc-exp")
                         .attr("type", "text")
                         .attr("autocomplete", "cc-exp")
                         .attr("placeholder", "MM / YY"),
                     payForm, payFields);
    el.ccCsc = field(4,
                     El("input")
                         .id("cc-csc")
                         .cls("form-control")
                         .attr("name", "cvc")
                         .attr("type", "text")
                         .attr("autocomplete", "cc-csc"),
                     payForm, payFields);
    el.payButton = add({El("button")
                            .id("pay-now")
                            .cls("btn btn-primary btn-lg")
                            .attr("type", "submit")
                            .text("Pay now")
                            .nth(3, 1),
                        payForm, main, bod});
    el.paymentForm = add({payForm, main, bod});
    el.cardPreview =
        add({El("span").cls("card-preview__number").text("4111 1111 1111 1111").nth(2, 1),
             El("div").cls("card-preview").attr("aria-hidden", "true").nth(1, 1), payForm, main, bod});

    // ---- Confirmation ----
    const Element orderSummary = El("section").cls("order-summary").nth(2, 1);
    el.viewOrder =
        add({El("a").cls("btn btn-secondary").href("/account/orders").text("View your order").nth(4, 1),
             orderSummary, main, bod});
    el.confirmContinue = add(
        {El("a").cls("link-muted").href("/").text("Continue shopping").nth(5, 2), orderSummary, main, bod});
    el.paidWith =
        add({El("p").cls("order-summary__payment").text("Paid with Visa 4111 1111 1111 1111").nth(3, 2),
             orderSummary, main, bod});

    // ---- Account ----
    const Element menu =
        El("button").cls("account-menu").attr("aria-haspopup", "true").attr("type", "button").nth(1, 1);
    const Element accountHeader = El("div").cls("account__header").nth(1, 1);
    for (const auto &name : m_firstNames)
        el.greeting.push_back(add({El("span").cls("account-menu__greeting").text("Hi " + name).nth(2, 1),
                                   menu, accountHeader, main, bod}));
    for (const auto &email : m_plantedEmails)
        el.plantedGreeting.push_back(
            add({El("span").cls("account-menu__greeting").text("Hi " + email).nth(2, 1), menu, accountHeader,
                 main, bod}));
    const Element accountNav = El("ul").cls("account-nav").nth(2, 1);
    const Element accountAside = El("aside").cls("account__sidebar").nth(2, 1);
    auto accountLink = [&](int n, const char *href, const char *text) {
        return add({El("a").cls("account-nav__link").href(href).text(text).nth(1, 1), El("li").nth(n, n),
                    accountNav, accountAside, main, bod});
    };
    el.accountOrders = accountLink(1, "/account/orders", "Orders");
    el.accountAddresses = accountLink(2, "/account/addresses", "Addresses");
    el.logout = add(
        {El("button").cls("btn-link account-nav__logout").attr("type", "button").text("Log out").nth(1, 1),
         El("li").nth(4, 4), accountNav, accountAside, main, bod});
    const Element profileForm =
        El("form").id("profile-form").attr("action", "/account").attr("method", "post").nth(3, 1);
    const Element profileFields = El("fieldset").nth(1, 1);
    el.profileName = field(1,
                           El("input")
                               .id("profile-name")
                               .cls("form-control")
                               .attr("name", "name")
                               .attr("type", "text")
                               .attr("autocomplete", "name"),
                           profileForm, profileFields);
    el.profilePhone = field(2,
                            El("input")
                                .id("profile-phone")
                                .cls("form-control")
                                .attr("name", "phone")
                                .attr("type", "tel")
                                .attr("autocomplete", "tel"),
                            profileForm, profileFields);
    el.profileSave =
        add({El("button").cls("btn btn-primary").attr("type", "submit").text("Save changes").nth(2, 1),
             profileForm, main, bod});
    el.profileForm = add({profileForm, main, bod});

    // ---- Orders: a table whose rows differ only by position ----
    const Element tbody = El("tbody").nth(2, 1);
    const Element table = El("table").cls("table orders").nth(2, 1);
    for (int r = 0; r < kOrderRows; ++r) {
        const Element row = El("tr").nth(r + 1, r + 1);
        el.orderDetails.push_back(
            add({El("button").cls("btn btn-sm btn-outline").text("View details").nth(1, 1),
                 El("td").nth(5, 5), row, tbody, table, main, bod}));
        el.trackPackage.push_back(add({El("a")
                                           .cls("track-link")
                                           .href("https://track.example-carrier.com/")
                                           .attr("target", "_blank")
                                           .text("Track package")
                                           .nth(1, 1),
                                       El("td").nth(4, 4), row, tbody, table, main, bod}));
    }
    el.returnItem =
        add({El("a").cls("btn btn-link").href("/help/returns").text("Return an item").nth(3, 1), main, bod});

    // ---- Login / signup / password reset ----
    const Element loginForm = El("form")
                                  .id("login-form")
                                  .cls("auth-form")
                                  .attr("action", "/login")
                                  .attr("method", "post")
                                  .nth(2, 1);
    const Element loginFields = El("fieldset").nth(1, 1);
    el.loginEmail = field(1,
                          El("input")
                              .id("login-email")
                              .cls("form-control")
                              .attr("name", "email")
                              .attr("type", "email")
                              .attr("autocomplete", "username"),
                          loginForm, loginFields);
    el.loginPassword = field(2,
                             El("input")
                                 .id("login-password")
                                 .cls("form-control")
                                 .attr("name", "password")
                                 .attr("type", "password")
                                 .attr("autocomplete", "current-password"),
                             loginForm, loginFields);
    el.rememberMe = add({El("label").attr("for", "remember").text("Remember me").nth(2, 1),
                         El("div").cls("form-check").nth(3, 3), loginFields, loginForm, main, bod});
    el.loginButton =
        add({El("button").cls("btn btn-primary btn-block").attr("type", "submit").text("Log in").nth(2, 1),
             loginForm, main, bod});
    el.loginForm = add({loginForm, main, bod});
    el.forgotPassword =
        add({El("a").cls("link-muted").href("/forgot-password").text("Forgot password?").nth(3, 1), loginForm,
             main, bod});
    el.createAccount = add({El("a").href("/signup").text("Create an account").nth(1, 1),
                            El("p").cls("auth-switch").nth(4, 1), main, bod});
    el.googleLogin = add(
        {El("span").text("Continue with Google").nth(2, 1),
         El("button").cls("btn btn-google").attr("type", "button").attr("data-provider", "google").nth(3, 1),
         main, bod});
    const Element signupForm = El("form")
                                   .id("signup-form")
                                   .cls("auth-form")
                                   .attr("action", "/signup")
                                   .attr("method", "post")
                                   .nth(2, 1);
    const Element signupFields = El("fieldset").nth(1, 1);
    el.signupEmail = field(1,
                           El("input")
                               .id("signup-email")
                               .cls("form-control")
                               .attr("name", "email")
                               .attr("type", "email")
                               .attr("autocomplete", "email"),
                           signupForm, signupFields);
    el.signupName = field(2,
                          El("input")
                              .id("signup-name")
                              .cls("form-control")
                              .attr("name", "first_name")
                              .attr("type", "text")
                              .attr("autocomplete", "given-name"),
                          signupForm, signupFields);
    el.signupPassword = field(3,
                              El("input")
                                  .id("signup-password")
                                  .cls("form-control")
                                  .attr("name", "password")
                                  .attr("type", "password")
                                  .attr("autocomplete", "new-password"),
                              signupForm, signupFields);
    el.signupNewsletter = add({El("input")
                                   .id("newsletter")
                                   .cls("form-check-input")
                                   .attr("name", "newsletter")
                                   .attr("type", "checkbox")
                                   .nth(1, 1),
                               El("div").cls("form-check").nth(4, 4), signupFields, signupForm, main, bod});
    el.signupButton = add({El("button")
                               .cls("btn btn-primary btn-block")
                               .attr("type", "submit")
                               .text("Create account")
                               .nth(2, 1),
                           signupForm, main, bod});
    el.signupForm = add({signupForm, main, bod});
    const Element resetForm = El("form")
                                  .id("reset-form")
                                  .cls("auth-form")
                                  .attr("action", "/reset-password")
                                  .attr("method", "post")
                                  .nth(2, 1);
    const Element resetFields = El("fieldset").nth(1, 1);
    el.resetPassword = field(1,
                             El("input")
                                 .id("new-password")
                                 .cls("form-control")
                                 .attr("name", "password")
                                 .attr("type", "password")
                                 .attr("autocomplete", "new-password"),
                             resetForm, resetFields);
    el.resetConfirm = field(2,
                            El("input")
                                .id("confirm-password")
                                .cls("form-control")
                                .attr("name", "password_confirmation")
                                .attr("type", "password")
                                .attr("autocomplete", "new-password"),
                            resetForm, resetFields);
    el.resetButton =
        add({El("button").cls("btn btn-primary").attr("type", "submit").text("Set new password").nth(2, 1),
             resetForm, main, bod});
    el.resetForm = add({resetForm, main, bod});

    // ---- Help ----
    const char *const questions[] = {"Where is my order?",
                                     "How do I return an item?",
                                     "Do you ship internationally?",
                                     "How can I change my delivery address?",
                                     "What is your warranty policy?",
                                     "How do I find my size?",
                                     "Can I cancel my order?",
                                     "Which payment methods do you accept?",
                                     "How do I care for merino wool?",
                                     "What does \"waterproof\" mean?"};
    const Element accordion = El("div").cls("accordion").nth(2, 1);
    int q = 0;
    for (const char *question : questions) {
        ++q;
        el.faqQuestions.push_back(add({El("button")
                                           .cls("accordion__toggle")
                                           .attr("aria-expanded", "false")
                                           .attr("type", "button")
                                           .text(question)
                                           .nth(1, 1),
                                       El("h3").cls("accordion__header").nth(1, 1),
                                       El("div").cls("accordion__item").nth(q, q), accordion, main, bod}));
    }
    el.contactSupport = add({El("a")
                                 .cls("btn btn-outline")
                                 .href("mailto:support@northwind.example")
                                 .text("Contact support")
                                 .nth(3, 1),
                             main, bod});
    el.faqVideo = add({El("button").cls("video__play").attr("aria-label", "Play video").nth(2, 1),
                       El("div").cls("video").attr("data-video", "layering-guide").nth(1, 1), main, bod});
}

void ShopCatalogue::buildProperties()
{
    const char *const utm[kUtmVariants] = {
        "", R"(,"utm_source":"google","utm_medium":"cpc","utm_campaign":"autumn_sale")",
        R"(,"utm_source":"newsletter","utm_medium":"email","utm_campaign":"weekly_digest")",
        R"(,"utm_source":"instagram","utm_medium":"social","utm_campaign":"new_arrivals")",
        R"(,"utm_source":"facebook","utm_medium":"paid_social","utm_campaign":"retargeting")"};
    const char *const extras[ExtraCount] = {"",
                                            R"(,"coupon":"WELCOME10")",
                                            R"(,"coupon":"AUTUMN20")",
                                            R"(,"coupon":"FREESHIP")",
                                            R"(,"video":"layering-guide")",
                                            R"(,"video":"tent-pitching")",
                                            R"(,"source":"footer")",
                                            R"(,"source":"signup")",
                                            R"(,"currency":"EUR","order_value_band":"0-50")",
                                            R"(,"currency":"EUR","order_value_band":"50-100")",
                                            R"(,"currency":"EUR","order_value_band":"100-250")",
                                            R"(,"currency":"EUR","order_value_band":"250+")",
                                            R"(,"method":"email")",
                                            R"(,"method":"google")"};
    m_properties.reserve(m_profiles.size() * kUtmVariants * ExtraCount);
    for (const auto &p : m_profiles) {
        std::string base = "{\"$browser\":";
        capture::appendJsonString(base, p.browser);
        base += ",\"$os\":";
        capture::appendJsonString(base, p.os);
        base += ",\"$device_type\":";
        capture::appendJsonString(base, p.deviceType);
        base += ",\"$lib\":\"web\",\"$screen_width\":";
        base += std::to_string(p.screenWidth);
        for (const char *u : utm)
            for (const char *x : extras)
                m_properties.push_back(base + u + x + "}");
    }
}

} // namespace hindsight::demo
