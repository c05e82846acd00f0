#include "gen/catalog.hpp"

#include <array>

namespace leda::gen {
namespace {

using sv = std::string_view;

constexpr Site kSites[] = {
    {"AMER", "America/New_York", 1001, 8 * 60}, {"EMEA", "Europe/London", 1002, 8 * 60},
    {"APAC", "Asia/Singapore", 1003, 9 * 60},   {"AMER", "America/Los_Angeles", 1001, 9 * 60},
    {"EMEA", "Europe/Berlin", 1002, 9 * 60},    {"APAC", "Australia/Sydney", 1003, 8 * 60},
    {"AMER", "America/Chicago", 1001, 10 * 60},
};

constexpr Skill kSkills[] = {{11, "Tier1"}, {12, "Sales"}, {13, "Billing"}, {14, "Returns"}};

constexpr PersonName kNames[] = {
    {"Maria", "Garcia", "maria.garcia"}, {"James", "Smith", "james.smith"},
    {"Aisha", "Khan", "aisha.khan"},     {"Wei", "Chen", "wei.chen"},
    {"Olivia", "Brown", "olivia.brown"}, {"Lukas", "Meyer", "lukas.meyer"},
    {"Priya", "Nair", "priya.nair"},     {"Tom", "O'Brien", "tom.obrien"},
    {"José", "Álvarez", "jose.alvarez"}, {"Hannah", "Schmidt", "hannah.schmidt"},
    {"Kenji", "Tanaka", "kenji.tanaka"}, {"Grace", "Wilson", "grace.wilson"},
    {"Daniel", "Cohen", "daniel.cohen"}, {"Sofia", "Rossi", "sofia.rossi"},
    {"Ethan", "Walker", "ethan.walker"}, {"Chloe", "Martin", "chloe.martin"},
    {"Ravi", "Patel", "ravi.patel"},     {"Emma", "Johnson", "emma.johnson"},
    {"Noah", "Taylor", "noah.taylor"},   {"Mei", "Lin", "mei.lin"},
    {"Lucas", "Silva", "lucas.silva"},   {"Zoe", "Anderson", "zoe.anderson"},
    {"Omar", "Haddad", "omar.haddad"},   {"Isla", "Murphy", "isla.murphy"},
    {"Felix", "Wagner", "felix.wagner"}, {"Ava", "Thompson", "ava.thompson"},
    {"Leo", "Dubois", "leo.dubois"},     {"Nina", "Kowalski", "nina.kowalski"},
    {"Sam", "Okafor", "sam.okafor"},     {"Ruby", "Clarke", "ruby.clarke"},
};

constexpr sv kVisitorFirst[] = {"Alex",  "Jordan", "Taylor", "Morgan", "Casey", "Riley",
                                "Jamie", "Avery",  "Quinn",  "Drew",   "Robin", "Sasha"};
constexpr sv kVisitorLast[] = {"Reed",   "Hughes", "Foster", "Bennett", "Price", "Ward",
                               "Porter", "Hayes",  "Lane",   "Fisher",  "Cole",  "Grant"};

constexpr ProductInfo kProducts[] = {
    {"Roller Blind 60cm White", "Roller Blinds", "RB-060-WH", 3499},
    {"Roller Blind 90cm White", "Roller Blinds", "RB-090-WH", 4299},
    {"Roller Blind 120cm Grey", "Roller Blinds", "RB-120-GR", 5499},
    {"Blackout Roller Blind 120cm", "Roller Blinds", "RB-120-BO", 6999},
    {"Roman Blind Linen 90cm", "Roman Blinds", "RM-090-LN", 8999},
    {"Roman Blind Velvet 120cm", "Roman Blinds", "RM-120-VV", 12999},
    {"Venetian Blind Aluminium 60cm", "Venetian Blinds", "VN-060-AL", 2999},
    {"Venetian Blind Wood 90cm", "Venetian Blinds", "VN-090-WD", 7999},
    {"Venetian Blind Wood 150cm", "Venetian Blinds", "VN-150-WD", 11999},
    {"Vertical Blind 180cm", "Vertical Blinds", "VT-180-WH", 9499},
    {"Vertical Blind 240cm", "Vertical Blinds", "VT-240-WH", 12499},
    {"Cellular Shade 60cm", "Shades", "CS-060-WH", 5999},
    {"Cellular Shade 120cm", "Shades", "CS-120-WH", 9999},
    {"Solar Shade 120cm", "Shades", "SS-120-CH", 10999},
    {"Motorised Roller Blind 120cm", "Smart Blinds", "MB-120-WH", 24999},
    {"Smart Blind Hub", "Smart Blinds", "MB-HUB-01", 7999},
    {"Blind Remote Control", "Smart Blinds", "MB-RMT-01", 2499},
    {"Curtain Pole Oak 150cm", "Curtain Poles", "CP-150-OK", 3999},
    {"Curtain Pole Metal 200cm", "Curtain Poles", "CP-200-MT", 4999},
    {"Eyelet Curtains Pair 168x183", "Curtains", "CU-168-EY", 5999},
    {"Blackout Curtains Pair 228x228", "Curtains", "CU-228-BO", 8999},
    {"Sheer Voile Panel", "Curtains", "CU-VOILE-1", 1499},
    {"Tie-back Set", "Accessories", "AC-TIE-02", 999},
    {"Child Safety Cleat Kit", "Accessories", "AC-SAFE-1", 499},
    {"Fabric Swatch Pack", "Accessories", "AC-SWATCH", 0},
    {"Measuring Tape 5m", "Accessories", "AC-TAPE-5", 799},
};

constexpr sv kSearchTerms[] = {"blackout",   "blinds+for+bedroom", "motorised",  "roman+blind",
                               "white+60cm", "curtain+pole",       "child+safe", "wood+venetian"};
constexpr sv kHelpTopics[] = {"delivery", "returns",  "measuring-guide",
                              "fitting",  "warranty", "order-status"};
constexpr sv kAffiliates[] = {"homestyle-blog", "dealfinder", "interiors-weekly", "cashback-hub"};

constexpr CampaignInfo kCampaigns[] = {
    {129082910, 156579410, 111, 126222610, 4, 3, "1", "5", 126225110, 33, 0, 5, "1"},
    {129083010, 156579510, 47, 126222610, 4, 3, "1", "3", 126225210, 12, 1, 5, "1"},
    {129083110, 156579610, 9, 126222710, 4, 3, "1", "2", 126225310, 5, 2, 1, "1"},
    {129083210, 156579710, 21, 126222710, 4, 3, "1", "6", 126225410, 8, 3, 1, "1"},
    {626105510, 286374810, 111, 126222610, 4, 3, "100", "1", 126225110, 33, -1, 1, ""},
    {626105610, 286374910, 3, 126222810, 1, 2, "100", "0", 126225510, 2, -1, 1, ""},
};

constexpr sv kWelcome = "Thank you for contacting us. An agent will be with you shortly.";

constexpr sv kOpenersTier1[] = {"Hi, I have a question about my order",
                                "Hello, can you help me choose a blind?",
                                "Hi there, is anyone available?"};
constexpr sv kOpenersSales[] = {"Do you do made-to-measure roman blinds?",
                                "Is the motorised blind compatible with my smart speaker?",
                                "Can I get a discount if I order five blinds?"};
constexpr sv kOpenersBilling[] = {"I was charged twice for my order",
                                  "My card was declined at checkout",
                                  "Can I get a VAT invoice for my purchase?"};
constexpr sv kOpenersReturns[] = {"The blind I received is the wrong size",
                                  "How do I return a blind I haven't opened?",
                                  "My order arrived damaged"};
constexpr sv kVisitorLines[] = {"ok",
                                "thanks",
                                "It's for a window about 118cm wide",
                                "Order number is on the email, one sec",
                                "Yes that's right",
                                "How long does delivery take?",
                                "Great, that helps",
                                "Can you send me a link?",
                                "Sure",
                                "I'll think about it"};
constexpr sv kAgentTier1[] = {"Happy to help! Could you give me your order number?",
                              "I can see your order here, it was dispatched this morning.",
                              "Our measuring guide explains where to measure for recess fitting.",
                              "Is there anything else I can help you with?"};
constexpr sv kAgentSales[] = {
    "Yes, all our roman blinds are made to measure.",
    "The motorised range works with the Smart Blind Hub and most voice assistants.",
    "For five or more blinds I can offer 10% off with code BULK10.",
    "Here is the product page: https://www.shop.example.com/p/MB-120-WH"};
constexpr sv kAgentBilling[] = {
    "I'm sorry about that, let me check the payment records.",
    "I can see a pending authorisation that will drop off within 3 days.",
    "I have emailed the invoice to the address on your account.",
    "Could you confirm the last four digits of the card?"};
constexpr sv kAgentReturns[] = {"Sorry to hear that! I've started a return for you.",
                                "You'll get a prepaid label by email within the hour.",
                                "Unopened items can be returned within 60 days for a full refund.",
                                "A replacement will ship as soon as the return is scanned."};
constexpr sv kAgentClosings[] = {"Thanks for chatting with us, have a great day!",
                                 "Glad I could help. Goodbye!"};
constexpr sv kVisitorClosings[] = {"thanks, bye", "Thank you!", "great, bye"};

constexpr QuestionInfo kPostChat[] = {
    {"How satisfied were you with the service you received today?", 4, 4},
    {"How likely are you to recommend us to a friend or colleague?", 4, -1},
    {"Did we resolve your issue today?", 2, -1},
    {"Anything else you would like to tell us?", 1, -1},
};
constexpr sv kComments[] = {"Very quick, thanks", "Agent was lovely",
                            "Took a while to get connected", "Still waiting for my refund",
                            "Great advice on measuring"};
constexpr QuestionInfo kOperator[] = {
    {"Chat Result", 4, -1},
    {"Was the customer's issue resolved?", 2, -1},
};
constexpr sv kChatResults[] = {"Sale", "Question answered", "Complaint handled",
                               "No Real Chat ('Ghost Chat')"};

}  // namespace

std::span<const Site> sites() {
  return kSites;
}
std::string_view brand_tz() {
  return "America/New_York";
}
std::span<const Skill> skills() {
  return kSkills;
}
std::span<const PersonName> person_names() {
  return kNames;
}
std::span<const std::string_view> visitor_first_names() {
  return kVisitorFirst;
}
std::span<const std::string_view> visitor_last_names() {
  return kVisitorLast;
}
std::span<const ProductInfo> products() {
  return kProducts;
}
std::string_view site_url() {
  return "https://www.shop.example.com";
}
std::span<const std::string_view> search_terms() {
  return kSearchTerms;
}
std::span<const std::string_view> help_topics() {
  return kHelpTopics;
}
std::span<const std::string_view> affiliates() {
  return kAffiliates;
}
std::span<const CampaignInfo> campaigns() {
  return kCampaigns;
}

std::string_view category_slug(std::string_view category) {
  static constexpr std::array<std::pair<sv, sv>, 9> kSlugs = {{
      {"Roller Blinds", "roller-blinds"},
      {"Roman Blinds", "roman-blinds"},
      {"Venetian Blinds", "venetian-blinds"},
      {"Vertical Blinds", "vertical-blinds"},
      {"Shades", "shades"},
      {"Smart Blinds", "smart-blinds"},
      {"Curtain Poles", "curtain-poles"},
      {"Curtains", "curtains"},
      {"Accessories", "accessories"},
  }};
  for (const auto& [name, slug] : kSlugs)
    if (name == category) return slug;
  return "other";
}

std::string_view chat_welcome() {
  return kWelcome;
}
std::span<const std::string_view> visitor_openers(int skill) {
  switch (skill) {
    case 1:
      return kOpenersSales;
    case 2:
      return kOpenersBilling;
    case 3:
      return kOpenersReturns;
    default:
      return kOpenersTier1;
  }
}
std::span<const std::string_view> visitor_lines() {
  return kVisitorLines;
}
std::span<const std::string_view> agent_lines(int skill) {
  switch (skill) {
    case 1:
      return kAgentSales;
    case 2:
      return kAgentBilling;
    case 3:
      return kAgentReturns;
    default:
      return kAgentTier1;
  }
}
std::span<const std::string_view> agent_closings() {
  return kAgentClosings;
}
std::span<const std::string_view> visitor_closings() {
  return kVisitorClosings;
}
std::span<const QuestionInfo> post_chat_questions() {
  return kPostChat;
}
std::span<const std::string_view> survey_comments() {
  return kComments;
}
std::span<const QuestionInfo> operator_questions() {
  return kOperator;
}
std::span<const std::string_view> chat_results() {
  return kChatResults;
}

}  // namespace leda::gen
