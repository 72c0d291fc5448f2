#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hindsight::demo {

/// Interaction types of the demo stream, as indices into ShopCatalogue::typeName().
enum DemoType : std::uint16_t {
    TypePageview,
    TypeClick,
    TypeSubmit,
    TypeChange,
    TypePageleave,
    TypeRageclick,
    TypeIdentify,
    TypeNewsletterSignup, ///< "newsletter_signup"
    TypeCouponApplied,    ///< "Coupon Applied"
    TypeVideoPlayed,      ///< "video_played"
    TypeOrderCompleted,   ///< "Order Completed"
    TypeSignupCompleted,  ///< "signup_completed"
    TypeCount
};

/// Extra properties of custom events (index 0 = none). Each is a fixed, small JSON fragment.
enum DemoExtra : std::uint16_t {
    ExtraNone,
    ExtraCouponWelcome,
    ExtraCouponAutumn,
    ExtraCouponFreeShip,
    ExtraVideoLayering,
    ExtraVideoTent,
    ExtraNewsletterFooter,
    ExtraNewsletterSignup,
    ExtraOrderBand0,
    ExtraOrderBand1,
    ExtraOrderBand2,
    ExtraOrderBand3,
    ExtraSignupEmail,
    ExtraSignupGoogle,
    ExtraCount
};

/// Everything the fictional shop "Northwind Outfitters" is made of, prepared once: products and
/// categories, every page URL and title, every element chain (already serialized as canonical
/// `$elements_chain` text), referrers and the small set of property objects. The session
/// simulator refers to all of these by index, so that generating an interaction copies prepared
/// text instead of building it.
class ShopCatalogue
{
  public:
    static constexpr std::string_view kOrigin = "https://shop.northwind.example";

    struct Product
    {
        std::string name;
        std::string slug;
        int category = 0;
    };
    struct Category
    {
        std::string name;
        std::string slug;
        std::vector<int> products; ///< indices into products(), in grid order
    };
    struct SearchQuery
    {
        std::string text;
        std::vector<int> results; ///< product indices, at most kSearchResults
        std::uint32_t url = 0;
        std::uint16_t title = 0;
    };
    /// A device/browser combination (the visitor's) that shapes the property object.
    struct DeviceProfile
    {
        const char *browser;
        const char *os;
        const char *deviceType;
        int screenWidth;
        int weight;
    };

    static constexpr int kSearchResults = 8;
    static constexpr int kFeatured = 8;
    static constexpr int kRelated = 4;
    static constexpr int kCartLines = 4;
    static constexpr int kOrderRows = 5;
    static constexpr int kUtmVariants = 5; ///< index 0 = no campaign

    /// Ids of element chains (indices into chain()), grouped by page.
    struct Elements
    {
        // Site header and footer (on every page).
        std::uint32_t navLogo = 0;
        std::vector<std::uint32_t> navCategory; ///< per category
        std::uint32_t navSearchInput = 0, navSearchForm = 0, navCart = 0, navAccount = 0, navLogin = 0;
        std::vector<std::uint32_t> footerLinks; ///< parallel to footerTargets
        std::uint32_t newsletterInput = 0, newsletterButton = 0, newsletterForm = 0;
        // Home.
        std::uint32_t heroCta = 0;
        std::vector<std::uint32_t> featuredImage, featuredTitle, featuredAdd; ///< per featured slot
        // Category.
        std::uint32_t sortSelect = 0;
        std::vector<std::uint32_t> sizeFilter, pageLinks;
        std::vector<std::uint32_t> cardImage, cardTitle, cardAdd; ///< per product
        // Product.
        std::uint32_t sizeSelect = 0, qtyInput = 0, addToCartLabel = 0, addToCartButton = 0, wishlist = 0;
        std::uint32_t sizeGuide = 0, videoPlay = 0, descriptionTab = 0, reviewsTab = 0, fitTab = 0;
        std::vector<std::uint32_t> swatches, thumbnails, breadcrumb, relatedAdd;
        std::vector<std::uint32_t> relatedLink; ///< [product * kRelated + position]
        // Search.
        std::vector<std::vector<std::uint32_t>> searchResult; ///< per query, per position
        std::vector<std::uint32_t> searchAdd;                 ///< per position (nth-child only)
        std::uint32_t noResultsHelp = 0;
        // Cart.
        std::vector<std::uint32_t> cartQty, cartRemove; ///< per line
        std::uint32_t couponInput = 0, applyCoupon = 0, checkoutButton = 0, continueShopping = 0;
        // Checkout (shipping).
        std::uint32_t shipEmail = 0, shipName = 0, shipAddress = 0, shipCity = 0, shipPostcode = 0,
                      shipPhone = 0;
        std::uint32_t shipCountry = 0, shipContinue = 0, shipForm = 0;
        std::vector<std::uint32_t> savedAddress; ///< per saved-address text
        // Payment.
        std::uint32_t ccName = 0, ccNumber = 0, ccExp = 0, ccCsc = 0, payButton = 0, paymentForm = 0;
        std::uint32_t cardPreview = 0; ///< planted: a live card preview whose text is a card number
        // Confirmation.
        std::uint32_t viewOrder = 0, confirmContinue = 0;
        std::uint32_t paidWith = 0; ///< planted: the full card number in the order summary
        // Account.
        std::vector<std::uint32_t> greeting;        ///< per first name: "Hi Jane"
        std::vector<std::uint32_t> plantedGreeting; ///< per planted email: "Hi jane.doe@example.org"
        std::uint32_t accountOrders = 0, accountAddresses = 0, logout = 0;
        std::uint32_t profileName = 0, profilePhone = 0, profileSave = 0, profileForm = 0;
        // Orders.
        std::vector<std::uint32_t> orderDetails, trackPackage; ///< per row (nth-child only)
        std::uint32_t returnItem = 0;
        // Login / signup / password reset.
        std::uint32_t loginEmail = 0, loginPassword = 0, rememberMe = 0, loginButton = 0, loginForm = 0;
        std::uint32_t forgotPassword = 0, createAccount = 0, googleLogin = 0;
        std::uint32_t signupEmail = 0, signupName = 0, signupPassword = 0, signupNewsletter = 0;
        std::uint32_t signupButton = 0, signupForm = 0;
        std::uint32_t resetPassword = 0, resetConfirm = 0, resetButton = 0, resetForm = 0;
        // Help.
        std::vector<std::uint32_t> faqQuestions;
        std::uint32_t contactSupport = 0, faqVideo = 0;
    };

    /// Fixed pages (indices into url()/title() are in the `Pages` struct).
    struct Pages
    {
        std::uint32_t homeUrl = 0, cartUrl = 0, checkoutUrl = 0, paymentUrl = 0, confirmationUrl = 0;
        std::uint32_t accountUrl = 0, ordersUrl = 0, loginUrl = 0, signupUrl = 0, faqUrl = 0;
        std::uint16_t homeTitle = 0, cartTitle = 0, checkoutTitle = 0, paymentTitle = 0,
                      confirmationTitle = 0;
        std::uint16_t accountTitle = 0, ordersTitle = 0, loginTitle = 0, signupTitle = 0, faqTitle = 0;
        std::uint16_t resetTitle = 0, noResultsTitle = 0;
        std::vector<std::uint32_t> categoryUrl, productUrl; ///< per category / product
        std::vector<std::uint16_t> categoryTitle, productTitle;
        std::vector<std::uint32_t> infoUrl; ///< about, shipping, returns, privacy
        std::vector<std::uint16_t> infoTitle;
        /// Landing URLs with a campaign query: [utm * landingCount + landing], landing = home,
        /// categories, products (in that order); utm 0 is unused (plain URLs are above).
        std::vector<std::uint32_t> campaignUrl;
    };

    ShopCatalogue();

    const std::vector<Product> &products() const { return m_products; }
    const std::vector<Category> &categories() const { return m_categories; }
    const std::vector<SearchQuery> &searchQueries() const { return m_queries; }
    const std::vector<int> &featured() const { return m_featured; }
    const std::vector<DeviceProfile> &deviceProfiles() const { return m_profiles; }
    int deviceProfileWeightTotal() const { return m_profileWeightTotal; }
    const Elements &elements() const { return m_el; }
    const Pages &pages() const { return m_pages; }
    /// Where each footer link leads: 0..3 = info pages, 4 = FAQ, -1 = off-site.
    const std::vector<int> &footerTargets() const { return m_footerTargets; }

    std::size_t firstNameCount() const { return m_firstNames.size(); }
    const std::string &firstName(std::size_t i) const { return m_firstNames[i]; }
    const std::string &lastName(std::size_t i) const { return m_lastNames[i % m_lastNames.size()]; }
    std::size_t lastNameCount() const { return m_lastNames.size(); }
    std::size_t plantedEmailCount() const { return m_plantedEmails.size(); }
    const std::string &plantedEmail(std::size_t i) const { return m_plantedEmails[i]; }
    std::size_t savedAddressCount() const { return m_el.savedAddress.size(); }
    std::size_t faqCount() const { return m_el.faqQuestions.size(); }

    const std::string &url(std::uint32_t id) const { return m_urls[id]; }
    const std::string &title(std::uint16_t id) const { return m_titles[id]; }
    const std::string &chain(std::uint32_t id) const { return m_chains[id]; }
    const std::string &referrer(std::uint32_t id) const { return m_referrers[id]; }
    std::size_t urlCount() const { return m_urls.size(); }
    std::size_t chainCount() const { return m_chains.size(); }
    std::size_t referrerCount() const { return m_referrers.size(); }
    static const char *typeName(std::uint16_t type);

    /// Index of the property object for a device profile, a campaign (0..kUtmVariants-1) and
    /// custom-event extras.
    std::uint32_t propertiesId(int profile, int utm, int extra) const
    {
        return static_cast<std::uint32_t>((profile * kUtmVariants + utm) * ExtraCount + extra);
    }
    const std::string &properties(std::uint32_t id) const { return m_properties[id]; }
    std::size_t propertiesCount() const { return m_properties.size(); }

    /// Referrer ids by traffic source (index into referrer()).
    std::uint32_t directReferrer() const { return 0; }
    std::uint32_t searchEngineReferrer(int i) const { return 1 + static_cast<std::uint32_t>(i % 3); }
    std::uint32_t campaignReferrer(int utm) const { return 3 + static_cast<std::uint32_t>(utm); }

  private:
    std::uint32_t addChain(const std::string &chainText);
    std::uint32_t addUrl(std::string url);
    std::uint16_t addTitle(std::string title);
    void buildProducts();
    void buildPages();
    void buildChains();
    void buildProperties();

    std::vector<Product> m_products;
    std::vector<Category> m_categories;
    std::vector<SearchQuery> m_queries;
    std::vector<int> m_featured;
    std::vector<DeviceProfile> m_profiles;
    int m_profileWeightTotal = 0;
    std::vector<int> m_footerTargets;
    std::vector<std::string> m_firstNames, m_lastNames, m_plantedEmails;
    std::vector<std::string> m_urls, m_titles, m_chains, m_referrers, m_properties;
    Elements m_el;
    Pages m_pages;
};

} // namespace hindsight::demo
