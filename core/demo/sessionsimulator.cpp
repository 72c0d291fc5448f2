#include "core/demo/sessionsimulator.h"

#include "core/demo/seededrandom.h"

#include <algorithm>

namespace hindsight::demo {

namespace {

enum class Page : std::uint8_t {
    Exit,
    Home,
    Category,
    Product,
    Search,
    Cart,
    Checkout,
    Payment,
    Confirmation,
    Account,
    Orders,
    Login,
    Signup,
    Faq,
    Reset,
    Info,
};

struct Loc
{
    Page page = Page::Exit;
    int param = 0;
};

constexpr Loc kExit{Page::Exit, 0};

/// One session being played. Short-lived; holds references only.
class Run
{
  public:
    Run(const ShopCatalogue &shop, std::uint64_t seed, const VisitorTraits &traits, bool returning,
        VisitorState &state, SessionScript &out)
        : m_shop(shop), m_el(shop.elements()), m_pg(shop.pages()), m_rng(seed), m_traits(traits),
          m_returning(returning), m_state(state), m_out(out)
    {
    }

    void play()
    {
        Loc loc = landing();
        int pages = 0;
        while (loc.page != Page::Exit) {
            visit(loc);
            loc = act(loc);
            if (++pages >= 60 || tooLong()) break;
        }
        // The tab is closed or the visitor navigates away: posthog-js sends $pageleave.
        m_t += m_rng.thinkMs(1500, 15000);
        emit(TypePageleave);
    }

  private:
    // ------------------------------------------------------------------ plumbing
    bool tooLong() const
    {
        return static_cast<int>(m_out.events.size()) >= SessionSimulator::kMaxEvents - 20 ||
               m_t >= SessionSimulator::kMaxDurationMs - 30LL * 60 * 1000;
    }

    void emit(std::uint16_t type, std::uint32_t chain = ScriptEvent::kNoChain,
              std::uint16_t extra = ExtraNone)
    {
        ScriptEvent e;
        e.offsetMs = m_t;
        e.chain = chain;
        e.type = type;
        e.visit = static_cast<std::uint16_t>(m_out.visits.size() - 1);
        e.extra = extra;
        e.generation = m_state.generation;
        e.identified = m_state.identified;
        m_out.events.push_back(e);
    }

    /// A click after reading/looking for a while.
    void click(std::uint32_t chain, double minMs = 700, double meanMs = 4500)
    {
        m_t += m_rng.thinkMs(minMs, meanMs);
        emit(TypeClick, chain);
    }
    /// A form field filled in (posthog-js sends `change`, never the value).
    void change(std::uint32_t chain)
    {
        m_t += m_rng.thinkMs(1200, 4500);
        emit(TypeChange, chain);
    }
    /// The submit that immediately follows a click on a submit button.
    void submit(std::uint32_t formChain)
    {
        m_t += m_rng.between(5, 120);
        emit(TypeSubmit, formChain);
    }
    /// Repeated fast clicks on something that does not react, then the $rageclick.
    void rage(std::uint32_t chain)
    {
        click(chain);
        const int n = m_rng.between(2, 4);
        for (int i = 0; i < n; ++i) {
            m_t += m_rng.between(90, 350);
            emit(TypeClick, chain);
        }
        emit(TypeRageclick, chain);
    }
    void custom(std::uint16_t type, std::uint16_t extra)
    {
        m_t += m_rng.between(20, 400);
        emit(type, ScriptEvent::kNoChain, extra);
    }
    /// Logging in or signing up: posthog.identify() links the anonymous id to the user id.
    void identify()
    {
        if (m_state.identified) return;
        m_t += m_rng.between(150, 900);
        m_state.identified = true;
        emit(TypeIdentify);
    }

    void visit(const Loc &loc)
    {
        if (!m_out.visits.empty()) m_t += m_rng.thinkMs(250, 900); // page load after the navigation
        ScriptVisit v;
        v.referrer = m_out.visits.empty() ? m_landingReferrer : -1;
        resolve(loc, v);
        if (m_out.visits.empty() && m_out.utm != 0 && m_campaignLanding >= 0)
            v.url = m_pg.campaignUrl[static_cast<std::size_t>(m_out.utm) * landingCount() +
                                     static_cast<std::size_t>(m_campaignLanding)];
        if (m_pendingDynamicUrl >= 0) {
            v.url = ScriptVisit::kDynamic | static_cast<std::uint32_t>(m_pendingDynamicUrl);
            m_pendingDynamicUrl = -1;
        }
        m_out.visits.push_back(v);
        emit(TypePageview);
    }

    std::size_t landingCount() const { return 1 + m_shop.categories().size() + m_shop.products().size(); }

    void resolve(const Loc &loc, ScriptVisit &v) const
    {
        const auto i = static_cast<std::size_t>(loc.param);
        switch (loc.page) {
        case Page::Home:
            v.url = m_pg.homeUrl, v.title = m_pg.homeTitle;
            break;
        case Page::Category:
            v.url = m_pg.categoryUrl[i], v.title = m_pg.categoryTitle[i];
            break;
        case Page::Product:
            v.url = m_pg.productUrl[i], v.title = m_pg.productTitle[i];
            break;
        case Page::Search:
            v.url = m_shop.searchQueries()[i].url, v.title = m_shop.searchQueries()[i].title;
            break;
        case Page::Cart:
            v.url = m_pg.cartUrl, v.title = m_pg.cartTitle;
            break;
        case Page::Checkout:
            v.url = m_pg.checkoutUrl, v.title = m_pg.checkoutTitle;
            break;
        case Page::Payment:
            v.url = m_pg.paymentUrl, v.title = m_pg.paymentTitle;
            break;
        case Page::Confirmation:
            v.url = m_pg.confirmationUrl, v.title = m_pg.confirmationTitle;
            break;
        case Page::Account:
            v.url = m_pg.accountUrl, v.title = m_pg.accountTitle;
            break;
        case Page::Orders:
            v.url = m_pg.ordersUrl, v.title = m_pg.ordersTitle;
            break;
        case Page::Login:
            v.url = m_pg.loginUrl, v.title = m_pg.loginTitle;
            break;
        case Page::Signup:
            v.url = m_pg.signupUrl, v.title = m_pg.signupTitle;
            break;
        case Page::Faq:
            v.url = m_pg.faqUrl, v.title = m_pg.faqTitle;
            break;
        case Page::Reset:
            v.url = m_pg.loginUrl, v.title = m_pg.resetTitle;
            break; // URL is always dynamic
        case Page::Info:
            v.url = m_pg.infoUrl[i], v.title = m_pg.infoTitle[i];
            break;
        case Page::Exit:
            break;
        }
    }

    /// A URL that carries a secret (planted privacy problem): a password-reset or OAuth token.
    void plantTokenUrl(const char *pathAndKey, int length)
    {
        static constexpr char kAlphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        std::string url(ShopCatalogue::kOrigin);
        url += pathAndKey;
        for (int i = 0; i < length; ++i)
            url += kAlphabet[m_rng.below(64)];
        m_out.dynamicUrls.push_back(std::move(url));
        m_pendingDynamicUrl = static_cast<int>(m_out.dynamicUrls.size() - 1);
    }

    int pick(std::size_t n) { return static_cast<int>(m_rng.below(static_cast<std::uint32_t>(n))); }
    /// A position in a list, biased towards the top (people click the first results more).
    int pickTop(std::size_t n) { return std::min(pick(n), pick(n)); }

    // ------------------------------------------------------------------ traffic source and landing
    Loc landing()
    {
        // Campaign traffic (utm) and search engines bring visitors to products and categories;
        // direct visits start at the home page (or, for customers, at their orders).
        const bool campaign = m_rng.chance(m_returning ? 0.10 : 0.24);
        if (campaign) {
            const double r = m_rng.unit();
            m_out.utm = r < 0.40 ? 1 : r < 0.65 ? 2 : r < 0.85 ? 3 : 4;
            m_landingReferrer = static_cast<std::int32_t>(m_shop.campaignReferrer(m_out.utm));
            m_intentBuy = m_rng.chance(0.32);
            const double l = m_rng.unit();
            if (l < 0.45) {
                const int p = pick(m_shop.products().size());
                m_campaignLanding = 1 + static_cast<int>(m_shop.categories().size()) + p;
                return {Page::Product, p};
            }
            if (l < 0.80) {
                const int c = pick(m_shop.categories().size());
                m_campaignLanding = 1 + c;
                return {Page::Category, c};
            }
            m_campaignLanding = 0;
            return {Page::Home, 0};
        }
        if (m_rng.chance(0.0015)) { // came from the "reset your password" email
            m_landingReferrer = static_cast<std::int32_t>(m_shop.directReferrer());
            plantTokenUrl("/reset-password?token=", 43);
            return {Page::Reset, 0};
        }
        if (!m_returning && m_rng.chance(0.38)) {
            const double e = m_rng.unit();
            m_landingReferrer = static_cast<std::int32_t>(m_shop.searchEngineReferrer(e < 0.82   ? 0
                                                                                      : e < 0.93 ? 1
                                                                                                 : 2));
            m_intentBuy = m_rng.chance(0.22);
            const double l = m_rng.unit();
            if (l < 0.45) return {Page::Product, pick(m_shop.products().size())};
            if (l < 0.70) return {Page::Category, pick(m_shop.categories().size())};
            if (l < 0.92) return {Page::Home, 0};
            return {Page::Faq, 0};
        }
        m_landingReferrer = static_cast<std::int32_t>(m_shop.directReferrer());
        m_intentBuy = m_rng.chance(m_returning ? 0.30 : 0.15);
        const double l = m_rng.unit();
        if (m_state.identified) {
            if (l < 0.50) return {Page::Home, 0};
            if (l < 0.70) return {Page::Orders, 0};
            if (l < 0.80) return {Page::Account, 0};
            if (l < 0.90) {
                m_cart = m_rng.between(1, 3); // the cart is kept on the server
                return {Page::Cart, 0};
            }
            return {Page::Category, pick(m_shop.categories().size())};
        }
        if (l < 0.72) return {Page::Home, 0};
        if (l < 0.84) return {Page::Category, pick(m_shop.categories().size())};
        if (l < 0.90 && m_returning) {
            m_cart = m_rng.between(0, 2); // whatever the cookie-bound cart still holds
            return {Page::Cart, 0};
        }
        if (l < 0.95) return {Page::Product, pick(m_shop.products().size())};
        return {Page::Faq, 0};
    }

    // ------------------------------------------------------------------ shared navigation
    Loc search()
    {
        const int q = pick(m_shop.searchQueries().size());
        change(m_el.navSearchInput);
        m_t += m_rng.between(200, 1500);
        emit(TypeSubmit, m_el.navSearchForm);
        return {Page::Search, q};
    }

    /// Leaves the page through the header or the footer.
    Loc navigate()
    {
        const double r = m_rng.unit();
        if (r < 0.45) {
            const int c = pick(m_shop.categories().size());
            click(m_el.navCategory[static_cast<std::size_t>(c)]);
            return {Page::Category, c};
        }
        if (r < 0.62) return search();
        if (r < 0.71) {
            click(m_el.navLogo);
            return {Page::Home, 0};
        }
        if (r < 0.82) {
            click(m_el.navCart);
            return {Page::Cart, 0};
        }
        if (r < 0.90) {
            if (m_state.identified) {
                click(m_el.navAccount);
                return {Page::Account, 0};
            }
            click(m_el.navLogin);
            return {Page::Login, 0};
        }
        const int k = pick(m_el.footerLinks.size());
        click(m_el.footerLinks[static_cast<std::size_t>(k)], 1500, 6000);
        const int target = m_shop.footerTargets()[static_cast<std::size_t>(k)];
        if (target < 0) return kExit; // off-site
        if (target == 4) return {Page::Faq, 0};
        return {Page::Info, target};
    }

    Loc afterLogin()
    {
        if (m_returnToCheckout) {
            m_returnToCheckout = false;
            return {Page::Checkout, 0};
        }
        return m_rng.chance(0.55) ? Loc{Page::Account, 0} : Loc{Page::Home, 0};
    }

    void addToCart() { m_cart = std::min(m_cart + 1, ShopCatalogue::kCartLines); }

    // ------------------------------------------------------------------ pages
    Loc act(const Loc &loc)
    {
        switch (loc.page) {
        case Page::Home:
            return home();
        case Page::Category:
            return category(loc.param);
        case Page::Product:
            return product(loc.param);
        case Page::Search:
            return searchResults(loc.param);
        case Page::Cart:
            return cart();
        case Page::Checkout:
            return checkout();
        case Page::Payment:
            return payment();
        case Page::Confirmation:
            return confirmation();
        case Page::Account:
            return account();
        case Page::Orders:
            return orders();
        case Page::Login:
            return login();
        case Page::Signup:
            return signup();
        case Page::Faq:
            return faq();
        case Page::Reset:
            return resetPassword();
        case Page::Info:
            return m_rng.chance(0.5) ? navigate() : kExit;
        case Page::Exit:
            break;
        }
        return kExit;
    }

    Loc home()
    {
        if (m_rng.chance(0.22)) return kExit; // bounce
        for (int stay = 0; stay < 3; ++stay) {
            const double r = m_rng.unit();
            if (r < 0.03) {
                change(m_el.newsletterInput);
                click(m_el.newsletterButton, 300, 1200);
                submit(m_el.newsletterForm);
                custom(TypeNewsletterSignup, ExtraNewsletterFooter);
            } else if (r < 0.11) {
                click(m_el.featuredAdd[static_cast<std::size_t>(pick(ShopCatalogue::kFeatured))]);
                addToCart();
                if (m_rng.chance(0.35)) {
                    click(m_el.navCart);
                    return {Page::Cart, 0};
                }
            } else {
                break;
            }
        }
        const double r = m_rng.unit();
        if (r < 0.20) {
            click(m_el.heroCta);
            return {Page::Category, 0};
        }
        if (r < 0.55) {
            const auto slot = static_cast<std::size_t>(pick(ShopCatalogue::kFeatured));
            click(m_rng.chance(0.6) ? m_el.featuredImage[slot] : m_el.featuredTitle[slot]);
            return {Page::Product, m_shop.featured()[slot]};
        }
        if (r < 0.90) return navigate();
        return kExit;
    }

    Loc category(int c)
    {
        if (m_rng.chance(0.15)) return kExit;
        const auto &products = m_shop.categories()[static_cast<std::size_t>(c)].products;
        for (int stay = 0; stay < 4; ++stay) {
            const double r = m_rng.unit();
            if (r < 0.12) {
                change(m_el.sortSelect);
            } else if (r < 0.24) {
                click(m_el.sizeFilter[static_cast<std::size_t>(pick(m_el.sizeFilter.size()))]);
            } else if (r < 0.30) {
                click(m_el.pageLinks[static_cast<std::size_t>(pickTop(m_el.pageLinks.size()))]);
            } else if (r < 0.40) {
                const auto p =
                    static_cast<std::size_t>(products[static_cast<std::size_t>(pickTop(products.size()))]);
                click(m_el.cardAdd[p]);
                addToCart();
            } else {
                break;
            }
        }
        const double r = m_rng.unit();
        if (r < 0.62) {
            const int p = products[static_cast<std::size_t>(pickTop(products.size()))];
            const auto pi = static_cast<std::size_t>(p);
            click(m_rng.chance(0.55) ? m_el.cardImage[pi] : m_el.cardTitle[pi]);
            return {Page::Product, p};
        }
        if (r < 0.86) return navigate();
        return kExit;
    }

    Loc product(int p)
    {
        const auto pi = static_cast<std::size_t>(p);
        const auto &prod = m_shop.products()[pi];
        bool sized = false;
        for (int stay = 0; stay < 6; ++stay) {
            const double r = m_rng.unit();
            if (r < 0.18) {
                click(m_el.thumbnails[static_cast<std::size_t>(pickTop(m_el.thumbnails.size()))], 500, 2500);
            } else if (r < 0.28) {
                click(m_el.swatches[static_cast<std::size_t>(pick(m_el.swatches.size()))]);
            } else if (r < 0.45) {
                change(m_el.sizeSelect);
                sized = true;
            } else if (r < 0.53) {
                const double t = m_rng.unit();
                click(t < 0.6 ? m_el.reviewsTab : t < 0.85 ? m_el.fitTab : m_el.descriptionTab);
            } else if (r < 0.56) {
                click(m_el.wishlist);
            } else if (r < 0.59) {
                click(m_el.videoPlay);
                custom(TypeVideoPlayed, prod.category == 3 ? ExtraVideoTent : ExtraVideoLayering);
            } else if (r < 0.61) {
                rage(m_el.sizeGuide); // the size guide modal is broken
            } else {
                break;
            }
        }
        const double addChance = (m_intentBuy ? 0.55 : 0.14) + (sized ? 0.12 : 0.0);
        if (m_rng.chance(addChance)) {
            if (m_rng.chance(0.3)) change(m_el.qtyInput);
            click(m_rng.chance(0.8) ? m_el.addToCartLabel : m_el.addToCartButton);
            addToCart();
            if (m_rng.chance(m_intentBuy ? 0.6 : 0.4)) {
                click(m_el.navCart, 800, 2500);
                return {Page::Cart, 0};
            }
        }
        const double r = m_rng.unit();
        if (r < 0.18) {
            const int k = pick(ShopCatalogue::kRelated);
            const auto &cat = m_shop.categories()[static_cast<std::size_t>(prod.category)];
            const auto base = static_cast<std::size_t>(
                std::find(cat.products.begin(), cat.products.end(), p) - cat.products.begin());
            click(m_el.relatedLink[pi * ShopCatalogue::kRelated + static_cast<std::size_t>(k)]);
            return {Page::Product,
                    cat.products[(base + 1 + static_cast<std::size_t>(k)) % cat.products.size()]};
        }
        if (r < 0.22) {
            click(m_el.relatedAdd[static_cast<std::size_t>(pick(ShopCatalogue::kRelated))]);
            addToCart();
            return navigate();
        }
        if (r < 0.32) {
            click(m_el.breadcrumb[static_cast<std::size_t>(prod.category)]);
            return {Page::Category, prod.category};
        }
        if (r < 0.62) return navigate();
        return kExit;
    }

    Loc searchResults(int q)
    {
        const auto &query = m_shop.searchQueries()[static_cast<std::size_t>(q)];
        const auto &ids = m_el.searchResult[static_cast<std::size_t>(q)];
        if (query.results.empty()) {
            const double r = m_rng.unit();
            if (r < 0.2) {
                click(m_el.noResultsHelp);
                return {Page::Faq, 0};
            }
            if (r < 0.6) return search();
            if (r < 0.8) return navigate();
            return kExit;
        }
        if (m_rng.chance(0.1)) {
            click(m_el.searchAdd[static_cast<std::size_t>(pickTop(query.results.size()))]);
            addToCart();
        }
        const double r = m_rng.unit();
        if (r < 0.6) {
            const auto pos = static_cast<std::size_t>(pickTop(query.results.size()));
            click(ids[pos]);
            return {Page::Product, query.results[pos]};
        }
        if (r < 0.72) return search();
        if (r < 0.85) return navigate();
        return kExit;
    }

    Loc cart()
    {
        if (m_cart == 0) {
            const double r = m_rng.unit();
            if (r < 0.5) {
                click(m_el.continueShopping);
                return {Page::Home, 0};
            }
            return r < 0.8 ? navigate() : kExit;
        }
        for (int stay = 0; stay < 3; ++stay) {
            const double r = m_rng.unit();
            if (r < 0.2) {
                change(m_el.cartQty[static_cast<std::size_t>(pick(static_cast<std::size_t>(m_cart)))]);
            } else if (r < 0.28) {
                click(m_el.cartRemove[static_cast<std::size_t>(pick(static_cast<std::size_t>(m_cart)))]);
                if (--m_cart == 0) {
                    click(m_el.continueShopping);
                    return {Page::Home, 0};
                }
            } else if (r < 0.43 && !m_couponTried) {
                m_couponTried = true;
                change(m_el.couponInput);
                if (m_rng.chance(0.65)) {
                    click(m_el.applyCoupon, 300, 1000);
                    custom(TypeCouponApplied, static_cast<std::uint16_t>(ExtraCouponWelcome + pick(3)));
                } else if (m_rng.chance(0.4)) {
                    rage(m_el.applyCoupon); // an expired code: nothing visibly happens
                } else {
                    click(m_el.applyCoupon, 300, 1000);
                }
            } else {
                break;
            }
        }
        if (m_rng.chance(m_intentBuy ? 0.72 : 0.38)) {
            click(m_el.checkoutButton);
            if (!m_state.identified && m_rng.chance(0.4)) {
                m_returnToCheckout = true;
                return {Page::Login, 0};
            }
            return {Page::Checkout, 0};
        }
        const double r = m_rng.unit();
        if (r < 0.3) {
            click(m_el.continueShopping);
            return {Page::Home, 0};
        }
        return r < 0.6 ? navigate() : kExit;
    }

    Loc checkout()
    {
        if (m_state.identified && m_rng.chance(0.55)) {
            click(m_el.savedAddress[static_cast<std::size_t>(m_traits.savedAddress)], 1500, 4000);
        } else {
            if (!m_state.identified) change(m_el.shipEmail);
            change(m_el.shipName);
            change(m_el.shipAddress);
            change(m_el.shipCity);
            change(m_el.shipPostcode);
            if (m_rng.chance(0.65)) change(m_el.shipPhone);
            if (m_rng.chance(0.3)) change(m_el.shipCountry);
        }
        if (m_rng.chance(0.2)) return kExit; // abandoned at shipping
        click(m_el.shipContinue, 500, 2000);
        submit(m_el.shipForm);
        return {Page::Payment, 0};
    }

    Loc payment()
    {
        if (m_rng.chance(0.8)) change(m_el.ccName);
        change(m_el.ccNumber);
        if (m_rng.chance(0.01))
            click(m_el.cardPreview); // planted: the preview widget shows the card number as text
        change(m_el.ccExp);
        change(m_el.ccCsc);
        if (m_rng.chance(0.22)) return kExit; // abandoned at payment
        if (m_rng.chance(0.06))
            rage(m_el.payButton); // slow payment provider
        else
            click(m_el.payButton, 500, 2000);
        submit(m_el.paymentForm);
        const int band = std::min(3, m_cart - 1 + pick(2));
        custom(TypeOrderCompleted, static_cast<std::uint16_t>(ExtraOrderBand0 + std::max(0, band)));
        m_cart = 0;
        return {Page::Confirmation, 0};
    }

    Loc confirmation()
    {
        if (m_rng.chance(0.03))
            click(m_el.paidWith); // planted: the full card number is printed in the order summary
        const double r = m_rng.unit();
        if (r < 0.25) {
            click(m_el.viewOrder);
            return m_state.identified ? Loc{Page::Orders, 0} : Loc{Page::Login, 0};
        }
        if (r < 0.55) {
            click(m_el.confirmContinue);
            return {Page::Home, 0};
        }
        return kExit;
    }

    Loc login()
    {
        if (m_state.identified) return afterLogin();
        const double r = m_rng.unit();
        if (r < 0.12) {
            click(m_el.googleLogin);
            identify();
            if (m_rng.chance(0.3)) // first time with Google: an account is created on the fly
                custom(TypeSignupCompleted, ExtraSignupGoogle);
            if (m_rng.chance(0.1)) // planted: the OAuth callback leaves the token in the URL
                plantTokenUrl("/account?access_token=", 40);
            return m_pendingDynamicUrl >= 0 ? Loc{Page::Account, 0} : afterLogin();
        }
        if (r < 0.16) {
            click(m_el.forgotPassword);
            return kExit; // continues from the email, in a later session
        }
        if (r < 0.28) {
            click(m_el.createAccount);
            return {Page::Signup, 0};
        }
        change(m_el.loginEmail);
        change(m_el.loginPassword);
        if (m_rng.chance(0.3)) click(m_el.rememberMe, 300, 1500);
        click(m_el.loginButton, 300, 1500);
        submit(m_el.loginForm);
        if (m_rng.chance(0.12)) { // wrong password, try again
            change(m_el.loginPassword);
            click(m_el.loginButton, 300, 1500);
            submit(m_el.loginForm);
            if (m_rng.chance(0.25)) return kExit;
        }
        identify();
        return afterLogin();
    }

    Loc signup()
    {
        change(m_el.signupEmail);
        change(m_el.signupName);
        change(m_el.signupPassword);
        const bool newsletter = m_rng.chance(0.45);
        if (newsletter) {
            click(m_el.signupNewsletter, 300, 1500);
            emit(TypeChange, m_el.signupNewsletter);
        }
        if (m_rng.chance(0.15)) return kExit;
        click(m_el.signupButton, 300, 1500);
        submit(m_el.signupForm);
        identify();
        custom(TypeSignupCompleted, ExtraSignupEmail);
        if (newsletter) custom(TypeNewsletterSignup, ExtraNewsletterSignup);
        return afterLogin();
    }

    Loc account()
    {
        if (!m_state.identified) return {Page::Login, 0}; // redirected to the login page
        for (int stay = 0; stay < 2; ++stay) {
            const double r = m_rng.unit();
            if (r < 0.45) {
                click(m_traits.plantedEmail >= 0
                          ? m_el.plantedGreeting[static_cast<std::size_t>(m_traits.plantedEmail)]
                          : m_el.greeting[static_cast<std::size_t>(m_traits.firstName)]);
            } else if (r < 0.53) {
                if (m_rng.chance(0.5)) change(m_el.profileName);
                change(m_el.profilePhone);
                click(m_el.profileSave, 300, 1500);
                submit(m_el.profileForm);
            } else {
                break;
            }
        }
        const double r = m_rng.unit();
        if (r < 0.45) {
            click(m_el.accountOrders);
            return {Page::Orders, 0};
        }
        if (r < 0.50) {
            click(m_el.accountAddresses);
            return kExit;
        }
        if (r < 0.56 && !m_loggedOut) {
            click(m_el.logout);
            m_loggedOut = true;
            m_state.identified = false; // posthog.reset(): a fresh anonymous id from now on
            ++m_state.generation;
            return {Page::Home, 0};
        }
        return r < 0.8 ? navigate() : kExit;
    }

    Loc orders()
    {
        if (!m_state.identified) return {Page::Login, 0};
        const auto row = static_cast<std::size_t>(pickTop(ShopCatalogue::kOrderRows));
        if (m_rng.chance(0.45)) click(m_el.orderDetails[row]);
        const double r = m_rng.unit();
        if (r < 0.3) {
            click(m_el.trackPackage[row]);
            return kExit; // off to the carrier's site
        }
        if (r < 0.36) {
            click(m_el.returnItem);
            return {Page::Info, 2};
        }
        return r < 0.6 ? navigate() : kExit;
    }

    Loc faq()
    {
        const int n = m_rng.between(1, 3);
        for (int i = 0; i < n; ++i)
            click(m_el.faqQuestions[static_cast<std::size_t>(pickTop(m_shop.faqCount()))], 1500, 8000);
        if (m_rng.chance(0.12)) {
            click(m_el.faqVideo);
            custom(TypeVideoPlayed, ExtraVideoLayering);
        }
        const double r = m_rng.unit();
        if (r < 0.15) {
            click(m_el.contactSupport);
            return kExit;
        }
        return r < 0.55 ? navigate() : kExit;
    }

    Loc resetPassword()
    {
        change(m_el.resetPassword);
        change(m_el.resetConfirm);
        click(m_el.resetButton, 300, 1500);
        submit(m_el.resetForm);
        return {Page::Login, 0};
    }

    const ShopCatalogue &m_shop;
    const ShopCatalogue::Elements &m_el;
    const ShopCatalogue::Pages &m_pg;
    SeededRandom m_rng;
    const VisitorTraits &m_traits;
    bool m_returning;
    VisitorState &m_state;
    SessionScript &m_out;

    std::int64_t m_t = 0;
    std::int32_t m_landingReferrer = 0;
    int m_campaignLanding = -1;
    int m_pendingDynamicUrl = -1;
    int m_cart = 0;
    bool m_intentBuy = false;
    bool m_returnToCheckout = false;
    bool m_couponTried = false;
    bool m_loggedOut = false;
};

} // namespace

void SessionSimulator::simulate(std::uint64_t sessionSeed, const VisitorTraits &traits, bool returning,
                                VisitorState &state, SessionScript &out) const
{
    out.clear();
    Run run(m_shop, sessionSeed, traits, returning, state, out);
    run.play();
}

} // namespace hindsight::demo
