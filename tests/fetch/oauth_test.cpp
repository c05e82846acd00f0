// The OAuth 1.0a signer against every published vector of spec §5.6, and its header format.
#include <catch2/catch.hpp>

#include "fetch/oauth.hpp"

using namespace leda::fetch;

namespace {

const OAuthCredentials kPhotos = {"dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk",
                                  "pfkkdhi9sl3r4s00"};
const OAuthCredentials kTwitter = {"xvz1evFS4wEEPTGEFPHBog",
                                   "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                                   "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
                                   "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"};

}  // namespace

TEST_CASE("A: OAuth Core 1.0 appendix A.5 vector", "[oauth]") {
  OAuthSigner signer(kPhotos);
  auto s = signer.sign("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original",
                       {}, "kllo9940pd9333jh", "1191242096");
  CHECK(s.base_string ==
        "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%"
        "3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-"
        "SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%"
        "3D1.0%26size%3Doriginal");
  CHECK(signing_key(kPhotos) == "kd94hf93k423kf44&pfkkdhi9sl3r4s00");
  CHECK(s.signature == "tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
  CHECK(s.header.find("oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\"") !=
        std::string::npos);
}

TEST_CASE("B: RFC 5849 section 1.2 vector (no oauth_version)", "[oauth]") {
  OAuthSigner signer(kPhotos);
  signer.set_include_version(false);
  auto s = signer.sign("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original",
                       {}, "chapoH", "137131202");
  CHECK(s.base_string ==
        "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%"
        "3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_"
        "timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal");
  CHECK(s.signature == "MdpQcU8iPSUjWoN/UDMsK2sui9I=");
  CHECK(s.header.find("oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\"") != std::string::npos);
  CHECK(s.header.find("oauth_version") == std::string::npos);
}

TEST_CASE("C: RFC 5849 section 3.4.1.1 base-string normalisation", "[oauth]") {
  OAuthSigner signer({"9djdj82h48djs9d2", "", "kkk9d7dh3k39sjv7", ""});
  signer.set_include_version(false);
  auto form = parse_form("c2&a3=2+q");
  REQUIRE(form.size() == 2);
  CHECK(form[0].name == "c2");
  CHECK(form[0].value.empty());
  CHECK(form[1].value == "2 q");
  auto s = signer.sign("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", form,
                       "7d8f3e4a", "137131201");
  CHECK(s.base_string ==
        "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%"
        "253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%"
        "3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_"
        "token%3Dkkk9d7dh3k39sjv7");
  // The normalised parameter string itself, as printed in the RFC.
  auto url = parse_url("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
  REQUIRE(url);
  std::vector<OAuthParam> all = parse_form(url->query);
  all.insert(all.end(), form.begin(), form.end());
  for (auto p : std::vector<OAuthParam>{{"oauth_consumer_key", "9djdj82h48djs9d2"},
                                        {"oauth_token", "kkk9d7dh3k39sjv7"},
                                        {"oauth_signature_method", "HMAC-SHA1"},
                                        {"oauth_timestamp", "137131201"},
                                        {"oauth_nonce", "7d8f3e4a"}})
    all.push_back(p);
  CHECK(normalize_parameters(all) ==
        "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_"
        "nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token="
        "kkk9d7dh3k39sjv7");
}

TEST_CASE("D: X/Twitter 'Creating a signature' vector (/1.1/ URL)", "[oauth]") {
  OAuthSigner signer(kTwitter);
  auto s =
      signer.sign("POST", "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
                  {{"status", "Hello Ladies + Gentlemen, a signed OAuth request!"}},
                  "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "1318622958");
  CHECK(s.base_string ==
        "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%"
        "3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%"
        "3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%"
        "26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-"
        "GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%"
        "2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521");
  CHECK(s.signature == "hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
}

TEST_CASE("E: the same with the older /1/ URL gives its own signature", "[oauth]") {
  OAuthSigner signer(kTwitter);
  auto s =
      signer.sign("POST", "https://api.twitter.com/1/statuses/update.json?include_entities=true",
                  {{"status", "Hello Ladies + Gentlemen, a signed OAuth request!"}},
                  "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", "1318622958");
  CHECK(s.signature == "tnnArxj06cWHq44gCs1OSKk/jLY=");
}

TEST_CASE("percent-encoding follows RFC 3986 with upper-case hex", "[oauth]") {
  CHECK(percent_encode("AZaz09-._~") == "AZaz09-._~");
  CHECK(percent_encode(" ") == "%20");
  CHECK(percent_encode("*") == "%2A");
  CHECK(percent_encode("+/=") == "%2B%2F%3D");
  CHECK(percent_encode("\xc3\xa9") == "%C3%A9");
  CHECK(percent_decode("a%2Bb+c") == "a+b c");
  CHECK(percent_decode("a+b", false) == "a+b");
  CHECK(percent_decode("100%") == "100%");
}

TEST_CASE("base string URI drops default ports and the query, keeps other ports", "[oauth]") {
  CHECK(base_string_uri(*parse_url("HTTPS://Example.COM:443/a/b?x=1")) ==
        "https://example.com/a/b");
  CHECK(base_string_uri(*parse_url("http://example.com:80/")) == "http://example.com/");
  CHECK(base_string_uri(*parse_url("http://127.0.0.1:8080/le")) == "http://127.0.0.1:8080/le");
}

TEST_CASE("listing query parameters are signed, the header parses back", "[oauth]") {
  OAuthSigner signer(kPhotos);
  const std::string url =
      "https://va.da.liveperson.net/data_access_le/account/123/le/webSession?startTime=1&endTime=2";
  auto s = signer.sign("GET", url, {}, "abc", "1700000000");
  CHECK(s.base_string.rfind("GET&https%3A%2F%2Fva.da.liveperson.net%2Fdata_access_le%2Faccount%"
                            "2F123%2Fle%2FwebSession&endTime%3D2%26oauth_consumer_key",
                            0) == 0);
  CHECK(s.base_string.find("startTime%3D1") != std::string::npos);
  CHECK(s.header.find(kPhotos.consumer_secret) == std::string::npos);
  CHECK(s.header.find(kPhotos.token_secret) == std::string::npos);

  auto parsed = parse_authorization_header(s.header);
  REQUIRE(parsed);
  std::vector<OAuthParam> without_signature;
  std::string signature;
  for (const auto& p : *parsed) {
    if (p.name == "oauth_signature")
      signature = p.value;
    else
      without_signature.push_back(p);
  }
  CHECK(signature == s.signature);
  CHECK(signature_base_string("GET", *parse_url(url), without_signature) == s.base_string);
  CHECK_FALSE(parse_authorization_header("Basic dXNlcjpwYXNz"));
  CHECK_FALSE(parse_authorization_header("OAuth oauth_nonce=unquoted"));
}

TEST_CASE("authorization_header uses the injected clock and nonce, fresh ones otherwise",
          "[oauth]") {
  OAuthSigner signer(kPhotos);
  signer.set_clock([] { return std::int64_t{1191242096}; });
  signer.set_nonce_source([] { return std::string("kllo9940pd9333jh"); });
  CHECK(signer.authorization_header(
            "GET", "http://photos.example.net/photos?file=vacation.jpg&size=original") ==
        signer
            .sign("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original", {},
                  "kllo9940pd9333jh", "1191242096")
            .header);
  OAuthSigner fresh(kPhotos);
  CHECK(fresh.authorization_header("GET", "https://a.example/x") !=
        fresh.authorization_header("GET", "https://a.example/x"));
  CHECK(random_nonce().size() == 32);
}
