"""Nothing from a seed runs in a reader's browser: payloads of the OWASP XSS filter-evasion list put in
headlines, bodies, mechanism names and (through the registry) names of people and organizations, the
site built, every page opened in Chromium."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import Browser, Page

from generator.pipeline import generate
from tests.conftest import copy_hand_written, mkdocs_build, serving

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    ("<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116"
     "&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">"),
    ("<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;"
     "&#83;&#83;&#39;&#41;>"),
    ("<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53"
     "&#x27&#x29>"),
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<iframe src=http://xss.rocks/scriptlet.html <",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<svg/onload=alert('XSS')>",
    "<svg><script>window.__xss=1</script></svg>",
    "<BODY ONLOAD=alert('XSS')>",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "[click me](javascript:alert('XSS'))",
    "<a href=\"javascript:alert('XSS')\">click</a>",
    "<details open ontoggle=\"window.__xss=1\">",
    "<object data=\"javascript:alert('XSS')\"></object>",
    "\"><script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=1>",
    "{{ 7*7 }}<script>window.__xss=1</script>",
]


def visible(payload: str) -> str:
    """How a payload reads once shown as text: literally, entities and all, spaces folded."""
    return " ".join(payload.split())


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("xss")
    seeds = root / "seeds"
    seeds.mkdir()
    for i, payload in enumerate(PAYLOADS):
        (seeds / f"p{i:02d}.txt").write_text(
            f"Talks {i} {payload}\n"
            f"The {i + 2}th China-EU Media Forum {payload} was held in Brussels on Monday. Person{i} Example, "
            f"president of the Example Society {i}, said {payload} in a speech.\n", encoding="utf-8")
    registry = {"people": [{"name": f"{p} {i}", "aliases": [f"Person{i} Example"]} for i, p in enumerate(PAYLOADS)],
                "organizations": [{"name": f"Society {p}", "aliases": [f"Example Society {i}"]}
                                  for i, p in enumerate(PAYLOADS[:10])]}
    (seeds / "registry.yml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    out = root / "site_src"
    copy_hand_written(out)
    generate(seeds, out)
    result = mkdocs_build(out, root / "site")
    assert result.returncode == 0, result.stderr
    with serving(root / "site") as url:
        yield url, root / "site"


def test_no_payload_runs_on_any_page_and_each_shows_as_text(browser: Browser, xss_site) -> None:
    url, site = xss_site
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                   if "assets" not in p.parts and 'http-equiv="refresh"' not in p.read_text())  # redirects move on
    assert len(pages) > 2 * len(PAYLOADS)
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    shown = ""
    for path in pages:
        page.goto(f"{url}/{path}")
        page.wait_for_load_state("load")
        page.hover("body")
        assert page.url == f"{url}/{path}", f"{path} navigated away to {page.url}"
        assert page.evaluate("() => window.__xss") is None, f"a payload ran on {path}"
        assert page.locator("article script, article iframe, article object, article img[onerror], "
                            "article [onload], article [onmouseover], article [ontoggle], article meta").count() == 0, path
        assert_title_printed_as_written(page, path)
        shown += " " + " ".join(page.locator("article").all_inner_texts())
    context.close()
    assert not dialogs, dialogs
    shown = " ".join(shown.split())
    missing = [p for p in PAYLOADS if visible(p) not in shown]
    assert not missing, f"payloads not shown as text: {missing}"


def assert_title_printed_as_written(page: Page, path: str) -> None:
    """A title prints as written, escaped once, in the tab, the header and the preview alike: markup in one,
    or an entity escaped twice, would make them differ."""
    title = page.title()
    assert page.locator("head title").count() == 1, path
    if path == "index.html":
        assert title == "Briefing"
        return
    topic = page.locator(".md-header__topic[data-md-component=header-topic]").inner_text().strip()
    assert title in (topic or "Briefing", f"{topic} - Briefing"), (path, title, topic)
    preview = page.locator('head meta[property="og:title"]').get_attribute("content")
    assert title in (preview, f"{preview} - Briefing"), (path, title, preview)


def test_payload_names_reach_the_pages(xss_site) -> None:
    _, site = xss_site
    person_pages = list((site / "people").glob("*.html"))
    assert any(re.search(r"&lt;script&gt;", p.read_text()) for p in person_pages)
