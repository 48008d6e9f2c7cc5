"""News articles saved as HTML pages (Reuters, BBC, …) with the chrome real pages carry:
head metadata, menus, cookie banners, promos, photo captions, related headlines."""

from __future__ import annotations

from tests.ingest.documents import check_offsets, read_html, said

REUTERS = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Russia's Lavrov says West is 'playing with fire' over Ukraine | Reuters</title>
<meta property="og:title" content="Russia's Lavrov says West is 'playing with fire' over
Ukraine">
<meta property="og:site_name" content="Reuters">
<meta property="article:published_time" content="2023-03-02T16:12:00Z">
<script
type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Russia's
Lavrov says West is 'playing with fire' over
Ukraine","datePublished":"2023-03-02T16:12:00Z","author":[{"@type":"Person","name":"Guy
Faulconbridge"}]}</script>
</head>
<body>
<div id="onetrust-banner-sdk" class="cookie-banner">
<p>We use cookies to improve your experience. By continuing you accept our Cookie Policy.</p>
<button>Accept all</button>
</div>
<header class="site-header">
<nav class="main-nav">
<ul>
<li>
<a href="/world/">World</a>
</li>
<li>
<a href="/business/">Business</a>
</li>
<li>
<a href="/markets/">Markets</a>
</li>
<li>
<a href="/sustainability/">Sustainability</a>
</li>
</ul>
</nav>
</header>
<main id="main-content">
<article class="article">
<header class="article-header">
<nav class="breadcrumb">
<a href="/world/">World</a>
</nav>
<h1 data-testid="Heading">Russia's Lavrov says West is 'playing with fire' over Ukraine</h1>
<div class="article-byline">By <a href="/authors/guy-faulconbridge/">Guy Faulconbridge</a>
</div>
<time datetime="2023-03-02T16:12:00Z">March 2, 2023 4:12 PM UTC</time>
<div class="share-buttons">
<a href="#">Facebook</a>
<a href="#">Twitter</a>
<a href="#">LinkedIn</a>
<a href="#">Email</a>
</div>
</header>
<figure class="article-image">
<img src="lavrov.jpg" alt="Lavrov">
<figcaption>Russian Foreign Minister Sergei Lavrov speaks during a news conference in New
Delhi, India, March 2, 2023. "We will not back down," he said earlier. REUTERS/Adnan
Abidi</figcaption>
</figure>
<div class="article-body">
<p>NEW DELHI, March 2 (Reuters) - Russian Foreign Minister Sergei Lavrov accused the West on
Thursday of blackmail and threats at a meeting of G20 foreign ministers in New Delhi.</p>
<p>"The West is playing with fire," Lavrov told reporters after the talks. "They want to
inflict a strategic defeat on Russia."</p>
<div class="newsletter-promo">
<p>Sign up for our newsletter</p>
<p>Get the latest news from Reuters, "straight to your inbox," editors say.</p>
</div>
<p>U.S. Secretary of State Antony Blinken said the war had to end. "Russia must stop this war
of aggression," Blinken said.</p>
<p>Indian Prime Minister Narendra Modi urged the ministers to find common ground, saying
"global governance has failed."</p>
<p class="sign-off">Reporting by Guy Faulconbridge; Editing by Alex Richardson</p>
</div>
<section class="related-stories">
<h2>Related stories</h2>
<ul>
<li>
<a href="/a">Zelenskiy says "we will win" as war enters second year</a>
</li>
<li>
<a href="/b">China's Wang Yi: 'Peace talks are the only way'</a>
</li>
<li>
<a href="/c">Markets slip as oil rises</a>
</li>
</ul>
</section>
</article>
</main>
<footer class="site-footer">
<ul>
<li>
<a href="/about">About Reuters</a>
</li>
<li>
<a href="/privacy">Privacy</a>
</li>
<li>
<a href="/terms">Terms of Use</a>
</li>
</ul>
<p>All quotes delayed a minimum of 15 minutes.</p>
<p>© 2023 Reuters. All rights reserved</p>
</footer>
</body>
</html>
"""


def test_reuters_caption_is_no_remark_and_headline_is_title() -> None:
    """A photo caption with a quote ('"We will not back down," he said earlier') makes no
    remark; the headline stays the title once the caption is gone."""
    m = read_html(REUTERS)
    check_offsets(m)
    assert m.title == "Russia's Lavrov says West is 'playing with fire' over Ukraine"
    assert m.date == "2023-03-02"
    assert m.outlet == "Reuters"
    assert "back down" not in m.text
    assert not any("back down" in r.text for r in m.remarks)


def test_reuters_body_quotes_and_participants() -> None:
    """Body quotes keep their speakers; related headlines and promos add no one."""
    m = read_html(REUTERS)
    assert said(m, "playing with fire") == "Sergei Lavrov"
    assert said(m, "war of aggression") == "Antony Blinken"
    names = {p.name for p in m.participants}
    assert names == {"Sergei Lavrov", "Antony Blinken", "Narendra Modi"}
    assert not any("we will win" in r.text or "Peace talks" in r.text for r in m.remarks)
    assert not any("straight to your inbox" in r.text for r in m.remarks)


BBC = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ukraine war: Zelensky says Russia 'will not win' as Blinken visits Kyiv - BBC
News</title>
<meta property="og:title" content="Ukraine war: Zelensky says Russia 'will not win' as Blinken
visits Kyiv">
<meta property="og:site_name" content="BBC News">
<script
type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","headline":"Ukraine
war: Zelensky says Russia 'will not win' as Blinken visits
Kyiv","datePublished":"2024-05-14T18:20:11.000Z","author":{"@type":"Person","name":"Paul
Kirby"}}</script>
</head>
<body>
<div class="ssrcss-consent-banner">
<p>Let us know you agree to cookies</p>
<p>We use cookies to give you the best online experience.</p>
<a href="#">Yes, I agree</a>
<a href="#">No, take me to settings</a>
</div>
<header role="banner">
<a href="/">BBC Homepage</a>
<a href="/news">News</a>
<a href="/sport">Sport</a>
<a href="/weather">Weather</a>
</header>
<div id="main-content">
<article>
<div data-component="headline-block">
<h1 id="main-heading">Ukraine war: Zelensky says Russia 'will not win' as Blinken visits
Kyiv</h1>
</div>
<div data-component="byline-block">
<div>
<span>Paul Kirby</span>
<span>BBC News</span>
</div>
<time datetime="2024-05-14T18:20:11.000Z">14 May 2024</time>
</div>
<div data-component="links-block">
<p>Share</p>
</div>
<div data-component="image-block">
<figure>
<img src="z.jpg" alt="">
<p>
<span>Image source, </span>Getty Images</p>
<p>
<span>Image caption, </span>Volodymyr Zelensky met Antony Blinken in Kyiv: "We are grateful,"
he said</p>
</figure>
</div>
<div data-component="text-block">
<p>
<b>Ukraine's President Volodymyr Zelensky has told the visiting US Secretary of State that
Russia "will not win" its war.</b>
</p>
</div>
<div data-component="text-block">
<p>"Russia will not win this war, no matter how many troops it sends," Mr Zelensky said at a
joint appearance in Kyiv.</p>
</div>
<div data-component="text-block">
<p>Antony Blinken said the US aid was on its way. "Assistance is on the way, some of it has
already arrived," he told reporters.</p>
</div>
<div data-component="text-block">
<p>The Kremlin's spokesman Dmitry Peskov said the aid would "change nothing" on the
battlefield.</p>
</div>
<div data-component="links-block">
<h2>More on this story</h2>
<ul>
<li>
<a href="/1">Putin says Russia 'ready for talks' in new interview</a>
</li>
<li>
<a href="/2">'We need air defence now', Kuleba tells allies</a>
</li>
</ul>
</div>
<div data-component="topic-list">
<h2>Related Topics</h2>
<ul>
<li>
<a href="/t1">Russia-Ukraine war</a>
</li>
<li>
<a href="/t2">Ukraine</a>
</li>
</ul>
</div>
</article>
<section data-component="top-stories">
<h2>Top Stories</h2>
<ul>
<li>
<a href="/x">
<p>Trump says "nobody" will stop him in speech to supporters</p>
</a>
<time>2 hours ago</time>
</li>
<li>
<a href="/y">
<p>Israel says Rafah operation will continue</p>
</a>
<time>5 hours ago</time>
</li>
</ul>
</section>
</div>
<footer>
<a href="/terms">Terms of Use</a>
<a href="/about">About the BBC</a>
<p>Copyright 2024 BBC. All rights reserved. The BBC is not responsible for the content of
external sites.</p>
</footer>
</body>
</html>
"""


def test_bbc_caption_in_figure_paragraphs_is_no_remark() -> None:
    """BBC puts a caption as plain <p>s in its <figure> ('Image caption, … "We are
    grateful," he said'): no text, no remark."""
    m = read_html(BBC)
    check_offsets(m)
    assert "Image caption" not in m.text and "grateful" not in m.text
    assert m.title == "Ukraine war: Zelensky says Russia 'will not win' as Blinken visits Kyiv"
    assert m.date == "2024-05-14"


def test_bbc_outlet_is_site_name_not_glued_byline() -> None:
    """The byline's spans glue ('Paul KirbyBBC News'); og:site_name names the outlet."""
    m = read_html(BBC)
    assert m.outlet == "BBC"
    assert m.place != "Share"
    assert "Paul Kirby" not in {p.name for p in m.participants}


def test_bbc_byline_spans_written_without_space_are_separate_words() -> None:
    """A byline laid out as sibling spans with nothing between them in the source
    ('<span>Paul Kirby</span><span>BBC News</span>') reads as two pieces of text, not
    'Paul KirbyBBC News'; a word split by inline markup ('<b>Pres</b>ident',
    '<span>Pres</span><span>ident</span>') and a link before a comma stay whole."""
    page = BBC.replace("<span>Paul Kirby</span>\n<span>BBC News</span>",
                       "<span>Paul Kirby</span><span>BBC News</span>")
    page = page.replace("<p>\"Russia will not win", "<p><b>Pres</b>ident <span>Zel</span>"
                        "<span>ensky</span> of <a href=\"/u\">Ukraine</a>, then: "
                        "\"Russia will not win")
    m = read_html(page)
    check_offsets(m)
    assert "Paul Kirby BBC News" in m.text and "KirbyBBC" not in m.text
    assert "President Zelensky of Ukraine, then:" in m.text
    assert m.outlet == "BBC"
    assert "Paul Kirby" not in {p.name for p in m.participants}


def test_bbc_body_quotes_and_no_headline_list_speakers() -> None:
    """Body quotes keep their speakers; 'More on this story' and 'Top Stories' headlines
    (Putin, Kuleba, Trump) add no remarks and no participants."""
    m = read_html(BBC)
    assert said(m, "no matter how many troops") == "Volodymyr Zelensky"
    assert said(m, "Assistance is on the way") == "Antony Blinken"
    assert said(m, "change nothing") == "Dmitry Peskov"
    names = {p.name for p in m.participants}
    assert names == {"Volodymyr Zelensky", "Antony Blinken", "Dmitry Peskov"}


AP = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Blinken and Wang hold 'candid' talks in Beijing as tensions simmer | AP News</title>
<meta property="og:title" content="Blinken and Wang hold 'candid' talks in Beijing as tensions
simmer">
<meta property="og:site_name" content="AP News">
<meta property="article:published_time" content="2024-04-26T09:41:12Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Blinken and Wang hold
'candid' talks in Beijing as tensions
simmer","datePublished":"2024-04-26T09:41:12Z","author":[{"@type":"Person","name":"Matthew
Lee"}]}</script>
</head>
<body>
<div class="Page-header">
<div class="Page-header-navigation">
<a href="/hub/world-news">World</a>
<a href="/hub/us-news">U.S.</a>
<a href="/hub/politics">Politics</a>
<a href="/hub/sports">Sports</a>
</div>
</div>
<div class="Page-content">
<div class="Page-lead">
<div class="CarouselSlide-info">
<span>U.S. Secretary of State Antony Blinken, left, shakes hands with Chinese Foreign Minister
Wang Yi in Beijing. (AP Photo/Mark Schiefelbein)</span>
</div>
</div>
<div class="RichTextStoryBody RichTextBody">
<p>BEIJING (AP) — U.S. Secretary of State Antony Blinken held talks with Chinese Foreign
Minister Wang Yi on Friday, warning that Washington would act if Beijing did not stop supplying
Russia's war machine.</p>
<p>"We've been clear about our concerns," Blinken told Wang at the start of the meeting.
"Direct, sustained communication is the best way to manage our differences."</p>
<p>Wang said relations had "begun to stabilize" but warned that "negative factors" were still
growing.</p>
<div class="Enhancement">
<div class="PageListStandardE">
<div class="PageListStandardE-title">Related coverage</div>
<div class="PagePromo">
<a href="/1">Xi says China and US should be "partners, not rivals"</a>
</div>
<div class="PagePromo">
<a href="/2">Russia's Lavrov to visit Beijing next month</a>
</div>
</div>
</div>
<p>"The two sides should be partners, not rivals," Wang said, according to a Chinese
readout.</p>
<p>Associated Press writer Simina Mistreanu in Taipei contributed to this report.</p>
</div>
<div class="Page-below">
<h2>Most read</h2>
<ul>
<li>
<a href="/x">Biden says "we will get it done" on border bill</a>
</li>
<li>
<a href="/y">Stocks rally on Wall Street</a>
</li>
</ul>
</div>
</div>
<div class="Page-footer">
<a href="/about">About</a>
<a href="/contact">Contact Us</a>
<a href="/terms">Terms of Use</a>
<p>Copyright 2024 The Associated Press. All Rights Reserved.</p>
</div>
</body>
</html>
"""


def test_ap_photo_credit_line_is_a_caption() -> None:
    """A caption that is no <figcaption> ('… shakes hands with … (AP Photo/…)') goes by
    its closing photo credit, and the <h1> headline above it stays the title."""
    m = read_html(AP)
    check_offsets(m)
    assert "AP Photo" not in m.text
    assert m.title == "Blinken and Wang hold 'candid' talks in Beijing as tensions simmer"
    assert m.outlet == "AP"


def test_ap_undated_dateline_takes_the_page_date() -> None:
    """'BEIJING (AP) —' carries no date: article:published_time dates the report."""
    assert read_html(AP).date == "2024-04-26"


def test_ap_related_coverage_and_most_read_give_no_remarks() -> None:
    """Promo headlines inside and after the body ('Xi says … "partners, not rivals"',
    'Biden says "we will get it done"') are links, not remarks; the body's are Wang's."""
    m = read_html(AP)
    assert said(m, "We've been clear") == "Antony Blinken"
    assert said(m, "The two sides should be partners") == "Wang Yi"
    assert not any("get it done" in r.text for r in m.remarks)
    assert {p.name for p in m.participants} == {"Antony Blinken", "Wang Yi"}


TASS = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Russia open to dialogue with US on strategic stability — Ryabkov - Russian Politics
&amp; Diplomacy - TASS</title>
<meta property="og:title" content="Russia open to dialogue with US on strategic stability —
Ryabkov">
<meta property="og:site_name" content="TASS">
<meta property="article:published_time" content="2024-06-18T11:05:00+03:00">
</head>
<body>
<div class="cookie-notice">
<p>This site uses cookies. By continuing to use it you agree to their use.</p>
<a href="#">OK</a>
</div>
<div class="menu-sections">
<a href="/politics">Politics</a>
<a href="/world">World</a>
<a href="/economy">Business &amp; Economy</a>
<a href="/military-activities">Military &amp; Defense</a>
</div>
<div class="container">
<div class="news-header">
<h1 class="news-header__title">Russia open to dialogue with US on strategic stability —
Ryabkov</h1>
<div class="news-header__lead">According to the deputy foreign minister, "the ball is in
Washington's court"</div>
</div>
<div class="text-content">
<p>MOSCOW, June 18. /TASS/. Moscow remains open to a dialogue with Washington on strategic
stability, but only on an equal footing, Russian Deputy Foreign Minister Sergey Ryabkov told
TASS on Tuesday.</p>
<p>"We are ready for a dialogue, but the ball is in Washington's court," the diplomat said.
"There can be no talk of any unilateral concessions."</p>
<p>According to him, the United States "has so far shown no readiness" to take Russia's
concerns into account.</p>
</div>
<div class="tags">
<a href="/tag/usa">USA</a>
<a href="/tag/russia">Russia</a>
</div>
<div class="news-list">
<h3>Read also</h3>
<div class="news-preview">
<a href="/1">Lavrov: "The West will not succeed in isolating Russia"</a>
</div>
<div class="news-preview">
<a href="/2">Peskov says Kremlin has no plans for talks with Kiev</a>
</div>
</div>
</div>
<div class="footer">
<p>TASS Russian News Agency. Certificate No. 123. All rights reserved.</p>
<a href="/about">About TASS</a>
<a href="/contacts">Contacts</a>
</div>
</body>
</html>
"""


def test_tass_headline_not_standfirst_is_title() -> None:
    """The standfirst under the <h1> ('According to the deputy foreign minister, …')
    sits just above the dateline; the page's own headline is the title."""
    m = read_html(TASS)
    check_offsets(m)
    assert m.title == "Russia open to dialogue with US on strategic stability — Ryabkov"
    assert (m.date, m.place, m.outlet) == ("2024-06-18", "Moscow", "TASS")


def test_tass_footer_div_and_read_also_are_no_text() -> None:
    """A footer that is a <div class="footer"> and the 'Read also' list are furniture."""
    m = read_html(TASS)
    assert "Certificate" not in m.text and "isolating Russia" not in m.text
    assert {p.name for p in m.participants} == {"Sergey Ryabkov"}
    assert said(m, "the ball is in Washington's court") == "Sergey Ryabkov"


def test_tass_told_agency_is_a_trailing_attribution() -> None:
    """'…, Sergey Ryabkov told TASS on Tuesday.': the clause before is his reported
    speech, not 'told TASS on Tuesday.' (told-outlet)."""
    m = read_html(TASS)
    assert said(m, "Moscow remains open", kind="reported") == "Sergey Ryabkov"
    assert not any(r.text.startswith("told") for r in m.remarks)


GUARDIAN = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Macron tells Xi Europe will not be 'vassal' in trade dispute | France | The
Guardian</title>
<meta property="og:title" content="Macron tells Xi Europe will not be 'vassal' in trade
dispute">
<meta property="og:site_name" content="the Guardian">
<meta property="article:published_time" content="2024-05-06T17:30:12.000Z">
<script type="application/ld+json">[{"@type":"NewsArticle","headline":"Macron tells Xi Europe
will not be 'vassal' in trade
dispute","datePublished":"2024-05-06T17:30:12.000Z","author":[{"@type":"Person","name":"Angelique
Chrisafis"}]}]</script>
</head>
<body>
<div id="sp_message_container">
<p>Your privacy: We use cookies and similar technologies.</p>
<button>Yes, I'm happy</button>
</div>
<nav aria-label="Guardian sections">
<a href="/">News</a>
<a href="/commentisfree">Opinion</a>
<a href="/sport">Sport</a>
<a href="/culture">Culture</a>
</nav>
<main>
<article>
<div data-gu-name="headline">
<h1>Macron tells Xi Europe will not be 'vassal' in trade dispute</h1>
</div>
<div data-gu-name="standfirst">
<p>French president says EU must "protect itself" as Chinese leader begins first visit to
Europe in five years</p>
</div>
<address>
<a rel="author" href="/profile/angeliquechrisafis">Angelique Chrisafis</a> in Paris</address>
<div data-gu-name="meta">
<span>Mon 6 May 2024 18.30 BST</span>
</div>
<div data-gu-name="media">
<figure>
<img src="m.jpg">
<figcaption>Emmanuel Macron and Xi Jinping in Paris. Photograph: Ludovic Marin/AFP/Getty
Images</figcaption>
</figure>
</div>
<div class="article-body-commercial-selector">
<p>Emmanuel Macron has told Xi Jinping that Europe will defend its industry against unfair
competition, as the Chinese leader began a state visit to France.</p>
<p>"The future of our continent will very clearly depend on our ability to continue to develop
in a balanced way our relations with China," Macron said at the start of talks at the Élysée
Palace.</p>
<aside data-gu-name="newsletter-signup">
<p>Sign up to First Edition</p>
<p>Our morning email breaks down the key stories of the day, telling you "what's happening and
why it matters"</p>
</aside>
<p>Xi said China and France should "resist a new cold war" and insisted there was no "China
overcapacity problem".</p>
<p>Ursula von der Leyen, the European Commission president, who joined the talks, said: "Europe
will not waver from making tough decisions needed to protect its economy."</p>
<div class="rich-link">
<p>Read more</p>
<a href="/x">‘We are not naive’: EU leaders harden stance on China trade</a>
</div>
</div>
<div class="submeta">
<a href="/world/france">France</a>
<a href="/world/china">China</a>
<a href="/world/xi-jinping">Xi Jinping</a>
</div>
</article>
<section data-component="more-on-this-story">
<h2>More on this story</h2>
<ul>
<li>
<a href="/1">Xi Jinping says China "will never" give up on Taiwan</a>
</li>
<li>
<a href="/2">Macron: "Europe could die" if it does not change course</a>
</li>
</ul>
</section>
</main>
<footer>
<p>© 2024 Guardian News &amp; Media Limited or its affiliated companies. All rights
reserved.</p>
</footer>
</body>
</html>
"""


def test_guardian_untitled_lone_name_is_the_full_name_written_before() -> None:
    """'Emmanuel Macron has told Xi Jinping …' then 'Xi said … "resist a new cold war"':
    Xi is the untitled Xi Jinping named before (untitled-full-name)."""
    m = read_html(GUARDIAN)
    check_offsets(m)
    assert said(m, "resist a new cold war") == "Xi Jinping"
    assert said(m, "The future of our continent") == "Emmanuel Macron"
    assert said(m, "Europe will not waver") == "Ursula von der Leyen"


def test_guardian_header_and_promos() -> None:
    """Title, date and outlet from the page; the newsletter aside and the 'More on this
    story' headlines ('Europe could die') give no remarks."""
    m = read_html(GUARDIAN)
    assert m.title == "Macron tells Xi Europe will not be 'vassal' in trade dispute"
    assert (m.date, m.outlet) == ("2024-05-06", "The Guardian")
    assert not any("could die" in r.text or "what's happening" in r.text for r in m.remarks)
    names = {p.name for p in m.participants}
    assert names == {"Emmanuel Macron", "Xi Jinping", "Ursula von der Leyen"}


ALJAZEERA = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Qatar says Gaza truce talks at 'delicate stage' | Israel-Palestine conflict News | Al
Jazeera</title>
<meta property="og:title" content="Qatar says Gaza truce talks at 'delicate stage'">
<meta property="og:site_name" content="Al Jazeera">
<script
type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Qatar
says Gaza truce talks at 'delicate
stage'","datePublished":"2024-01-16T14:20:00Z","author":{"@type":"Organization","name":"Al
Jazeera Staff"}}</script>
</head>
<body>
<div class="site-header">
<ul class="menu">
<li>
<a href="/news/">News</a>
</li>
<li>
<a href="/middle-east/">Middle East</a>
</li>
<li>
<a href="/features/">Features</a>
</li>
</ul>
</div>
<div class="container">
<header class="article-header">
<div class="topics">
<a href="/tag/israel-palestine-conflict/">Israel-Palestine conflict</a>
</div>
<h1>Qatar says Gaza truce talks at 'delicate stage'</h1>
<p class="article__subhead">
<em>Foreign ministry spokesman says negotiations "continue around the clock" despite
setbacks.</em>
</p>
</header>
<div class="article-info-block">
<div class="date-simple">
<span class="screen-reader-text">Published On 16 Jan 2024</span>
<span aria-hidden="true">16 Jan 2024</span>
</div>
</div>
<div class="article-listen">
<p>Listen to this article</p>
<p>3 mins</p>
</div>
<div class="wysiwyg wysiwyg--all-content">
<p>Qatar says talks on a truce in Gaza and the release of captives are at a "delicate stage",
as mediators press Israel and Hamas to agree to a pause in the fighting.</p>
<p>"We are at a delicate stage of the negotiations, and we remain optimistic," foreign ministry
spokesman Majed al-Ansari told a weekly news conference in Doha on Tuesday.</p>
<p>"We will not give up on the mediation," al-Ansari added.</p>
<div class="more-on">
<h2>Keep reading</h2>
<ul>
<li>
<a href="/1">Blinken says 'no military solution' in Gaza</a>
</li>
<li>
<a href="/2">Hamas says it is "studying" new proposal</a>
</li>
</ul>
</div>
<p>Israeli Prime Minister Benjamin Netanyahu said on Tuesday the war would go on "until total
victory".</p>
</div>
<div class="article-newsletter-slot">
<p>Sign up for Al Jazeera</p>
<p>Weekly Newsletter</p>
<p>Please check your email to confirm your subscription</p>
</div>
<div class="share-bar">
<a>Facebook</a>
<a>X</a>
<a>WhatsApp</a>
</div>
<p class="source">Source: Al Jazeera and news agencies</p>
</div>
<footer>
<ul>
<li>
<a href="/about">About</a>
</li>
<li>
<a href="/cookie">Cookie Policy</a>
</li>
</ul>
<p>© 2024 Al Jazeera Media Network</p>
</footer>
</body>
</html>
"""


def test_aljazeera_particle_surname_alone_speaks() -> None:
    """'"We will not give up on the mediation," al-Ansari added.': the lower-case
    particle surname is Majed al-Ansari (particle-alone)."""
    m = read_html(ALJAZEERA)
    check_offsets(m)
    assert said(m, "We will not give up") == "Majed al-Ansari"
    assert said(m, "We are at a delicate stage") == "Majed al-Ansari"
    assert not any("military solution" in r.text or "studying" in r.text for r in m.remarks)
    assert (m.date, m.outlet) == ("2024-01-16", "Al Jazeera")


def test_aljazeera_correspondent_is_quoted_but_takes_no_part() -> None:
    """``reporter-not-participant``: Al Jazeera's correspondents "reporting from Doha"
    keep their words as their own quotes, but they are not the meeting's participants."""
    page = ALJAZEERA.replace(
        '<p>"We will not give up on the mediation," al-Ansari added.</p>',
        '<p>"We will not give up on the mediation," al-Ansari added.</p>\n'
        "<p>Al Jazeera's Hamdah Salhut, reporting from Doha, said the mood among the "
        'mediators was cautious. "Both sides are still far apart," she said.</p>\n'
        '<p>"Israel will keep up the pressure," said Al Jazeera\'s Rory Challands, '
        "reporting from occupied East Jerusalem.</p>\n"
        "<p>Al Jazeera correspondent Hashem Ahelbarra said the mediators were hopeful.</p>",
    )
    m = read_html(page)
    check_offsets(m)
    assert said(m, "Both sides are still far apart") == "Hamdah Salhut"
    assert said(m, "keep up the pressure") == "Rory Challands"
    assert said(m, "the mediators were hopeful", kind="reported") == "Hashem Ahelbarra"
    assert said(m, "We will not give up") == "Majed al-Ansari"
    names = {p.name for p in m.participants}
    assert "Majed al-Ansari" in names
    assert not {"Hamdah Salhut", "Rory Challands", "Hashem Ahelbarra"} & names


def test_aljazeera_headline_with_scare_quote_is_no_reported_speech() -> None:
    """The <h1> under a topic label ('Israel-Palestine conflict') is written once and
    stays the title; ending on a scare quote ("… at 'delicate stage'") it is still a
    headline, not Qatar's reported speech (headline-says, kicker-over-h1)."""
    m = read_html(ALJAZEERA)
    assert m.title == "Qatar says Gaza truce talks at 'delicate stage'"
    assert m.text.count("Qatar says Gaza truce talks") == 1
    assert not any(r.text.startswith("Gaza truce talks") for r in m.remarks)


def test_standfirst_quote_with_no_named_speaker_is_no_remark() -> None:
    """The summary under a headline ('French president says EU must "protect itself"',
    'Foreign ministry spokesman says negotiations "continue around the clock"') is
    above every attributed remark: its quotation is no remark (standfirst)."""
    guardian, aljazeera = read_html(GUARDIAN), read_html(ALJAZEERA)
    assert not any("protect itself" in r.text for r in guardian.remarks)
    assert not any("around the clock" in r.text for r in aljazeera.remarks)
    assert all(r.speaker for r in guardian.remarks + aljazeera.remarks)


# The AP page stripped of its <title> headline, og:title and published time: only the
# JSON-LD block still names the headline and the date.
AP_LD_ONLY = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>AP News</title>\n\n'
    '<meta property="og:site_name" content="AP News">\n\n'
    + AP[AP.index('<script type="application/ld+json">') :]
)


def test_json_ld_gives_headline_and_date_when_nothing_else_does() -> None:
    """No <h1>, no og:title, no published_time, a bare '<title>AP News': the JSON-LD
    NewsArticle's "headline" and "datePublished" title and date the page (json-ld)."""
    m = read_html(AP_LD_ONLY)
    assert m.title == "Blinken and Wang hold 'candid' talks in Beijing as tensions simmer"
    assert m.date == "2024-04-26"


REUTERS_DIVS = """<html>
<head>
<title>Putin says Russia ready to talk to Trump | Reuters</title>
<meta property="og:site_name" content="Reuters">
<meta property="og:title" content="Putin says Russia ready to talk to Trump">
<meta name="article:published_time" content="2024-11-08T10:00:00Z">
</head>
<body>
<main>
<article>
<h1>Putin says Russia ready to talk to Trump</h1>
<div class="info">
<a href="/a">By Guy Faulconbridge</a>
<time datetime="2024-11-08T10:00:00Z">November 8, 2024 10:00 AM UTC</time>
</div>
<div class="article-body__content">
<div data-testid="paragraph-0">SOCHI, Russia, Nov 7 (Reuters) - President Vladimir Putin said
on Thursday that Russia was ready to talk to Donald Trump.</div>
<div data-testid="paragraph-1">"Whatever happens, we are ready," Putin told the Valdai forum in
Sochi.</div>
<div data-testid="promo-box">
<p>The Reuters Daily Briefing newsletter provides all the news you need to start your day. Sign
up here.</p>
</div>
<div data-testid="paragraph-2">Kremlin spokesman Dmitry Peskov said later that "no concrete
plans" for a call existed.</div>
<div data-testid="paragraph-3">Reporting by Guy Faulconbridge; Editing by Andrew Osborn</div>
<div class="trust">
<p>Our Standards: The Thomson Reuters Trust Principles.</p>
</div>
</div>
</article>
</main>
</body>
</html>
"""


def test_dateline_without_year_takes_it_from_the_page_date() -> None:
    """'SOCHI, Russia, Nov 7 (Reuters)' published 2024-11-08 by the page's metadata: the
    meeting is 2024-11-07, not '--11-07' (page-date-year)."""
    m = read_html(REUTERS_DIVS)
    check_offsets(m)
    assert m.date == "2024-11-07"
    assert said(m, "Whatever happens") == "Vladimir Putin"


def test_promo_named_in_data_testid_is_furniture() -> None:
    """'<div data-testid="promo-box">' holds the newsletter promo: no text (data-marks)."""
    m = read_html(REUTERS_DIVS)
    assert "Daily Briefing" not in m.text
    assert said(m, "no concrete plans", kind="reported") == "Dmitry Peskov"
