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


def test_bbc_body_quotes_and_no_headline_list_speakers() -> None:
    """Body quotes keep their speakers; 'More on this story' and 'Top Stories' headlines
    (Putin, Kuleba, Trump) add no remarks and no participants."""
    m = read_html(BBC)
    assert said(m, "no matter how many troops") == "Volodymyr Zelensky"
    assert said(m, "Assistance is on the way") == "Antony Blinken"
    assert said(m, "change nothing") == "Dmitry Peskov"
    names = {p.name for p in m.participants}
    assert names == {"Volodymyr Zelensky", "Antony Blinken", "Dmitry Peskov"}
