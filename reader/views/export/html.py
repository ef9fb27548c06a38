"""The HTML export: one self-contained page (inline CSS and script, no
network: a Content-Security-Policy forbids any fetch).

``table`` shows German and English side by side, ``interleaved`` each German
paragraph above its English, ``english`` the English alone. Hovering or
focusing a word (Tab reaches each sentence, the arrow keys its words)
highlights the words of the other language the model aligned it with; glossary
terms are ``<abbr>`` elements whose title is their entry, the first use linked
to the appendix. Dark mode follows ``prefers-color-scheme``; the print
stylesheet drops the table of contents and the highlighting.
"""

from __future__ import annotations

from reader.views.export.document import ExportDocument, Layout
from reader.views.export.xhtml import (
    BodyWriter,
    Dialect,
    attribute,
    heading_id,
    heading_text,
    text,
)

_CSS = """
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fdfdfb;--muted:#4d4d4d;--rule:#c8c8c8;
--hl:#ffe08a;--hl-fg:#000}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#151515;--muted:#b4b4b4;
--rule:#4a4a4a;--hl:#7a5c00;--hl-fg:#fff}}
body{margin:0 auto;max-width:74rem;padding:1rem 1.5rem 3rem;font:1.05rem/1.55 Georgia,
"DejaVu Serif",serif;color:var(--fg);background:var(--bg)}
.layout-interleaved main,.layout-english main{max-width:42rem}
h1{font-size:1.7rem;margin:.5rem 0}
dl.header{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0 0 1rem;
color:var(--muted);font-size:.85rem}
dl.header dt{font-weight:bold}dl.header dd{margin:0}
nav.toc{border-block:1px solid var(--rule);margin:0 0 1.5rem;padding:.3rem 0;font-size:.95rem}
nav.toc h2{font-size:1rem;margin:.3rem 0}nav.toc ol{list-style:none;margin:0;padding:0}
nav.toc .l3{padding-left:1.2rem}nav.toc .l4,nav.toc .l5,nav.toc .l6{padding-left:2.4rem}
.pair{margin:0 0 1rem}.pair p{margin:0}
.layout-table .pair{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem;
border-top:1px solid var(--rule);padding-top:.4rem}
p.en{font-style:italic;color:var(--muted)}
.layout-interleaved p.en{margin:.25rem 0 0 1.2rem;padding-left:.6rem;
border-left:2px solid var(--rule)}
.layout-english p.en{font-style:normal;color:var(--fg);margin:0 0 1rem}
h2 .en,h3 .en,h4 .en,h5 .en,h6 .en{display:block;font-size:.8em;font-style:italic;
font-weight:normal;color:var(--muted)}
.layout-english h2 .en,.layout-english h3 .en,.layout-english h4 .en{display:inline;
font-size:1em;font-style:normal;font-weight:bold;color:var(--fg)}
ul{padding-left:1.4rem}
[data-w]{border-radius:2px}[data-w].hl{background:var(--hl);color:var(--hl-fg)}
[data-w]:focus{outline:2px solid currentColor;outline-offset:1px}
.s:focus{outline:1px dotted var(--muted);outline-offset:2px}
abbr[title]{text-decoration:underline dotted;cursor:help}
a{color:inherit}a.noteref{text-decoration:none;padding:0 .1em}
aside.note{font-size:.9rem;border-top:1px solid var(--rule);margin:1rem 0;padding-top:.4rem}
aside.note .back{float:left;margin-right:.4rem;text-decoration:none}
pre{overflow-x:auto;padding:.6rem;border:1px solid var(--rule);font-size:.9rem}
section.glossary{border-top:2px solid var(--rule);margin-top:2rem}
section.glossary dt{font-weight:bold;margin-top:.5rem}section.glossary dd{margin-left:1.2rem}
@media print{body{max-width:none;padding:0;font-size:10.5pt;color:#000;background:#fff}
nav.toc{display:none}[data-w].hl{background:none;color:inherit}p.en{color:#000}
a{text-decoration:none}.pair,aside.note{break-inside:avoid}
h2,h3,h4{break-after:avoid}}
"""

# Partners are looked up in the other side of the same sentence (the span with
# the same data-s), so ids need only be unique within a sentence.
_SCRIPT = """
(function(){"use strict";
function partners(w){var s=w.closest("[data-s]");if(!s)return[];
var ids=(w.getAttribute("data-a")||"").split(" ").filter(Boolean),found=[];
document.querySelectorAll('[data-s="'+s.getAttribute("data-s")+'"]').forEach(function(side){
if(side===s)return;ids.forEach(function(id){var e=side.querySelector('[data-w="'+id+'"]');
if(e)found.push(e);});});return found;}
function light(w,on){w.classList.toggle("hl",on);partners(w).forEach(function(e){
e.classList.toggle("hl",on);});}
function word(e){return e.target.closest?e.target.closest("[data-w]"):null;}
["mouseover","focusin"].forEach(function(t){document.addEventListener(t,function(e){
var w=word(e);if(w)light(w,true);});});
["mouseout","focusout"].forEach(function(t){document.addEventListener(t,function(e){
var w=word(e);if(w)light(w,false);});});
document.addEventListener("keydown",function(e){
if(e.key!=="ArrowRight"&&e.key!=="ArrowLeft")return;
var s=e.target.closest?e.target.closest(".s"):null;if(!s)return;
var words=Array.prototype.slice.call(s.querySelectorAll("[data-w]"));if(!words.length)return;
var i=words.indexOf(e.target),right=e.key==="ArrowRight";
var n=i<0?(right?0:words.length-1):i+(right?1:-1);
if(n>=0&&n<words.length){words[n].tabIndex=-1;words[n].focus();e.preventDefault();}});
})();
"""

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def render_html(document: ExportDocument, layout: Layout) -> str:
    """The whole page, ending with a newline."""
    writer = BodyWriter(document, layout, Dialect(epub=False, words=True))
    body = "\n".join(writer.blocks(document.paragraphs))
    glossary = writer.glossary()
    language = "en" if layout is Layout.ENGLISH else "de"
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8"/>\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        f'<meta name="generator" content="reader translate"/>\n'
        f'<meta name="translator" content="{attribute(document.model)}"/>\n'
        f"<title>{text(document.title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f'<body class="layout-{layout.value}">\n<header><h1>{text(document.title)}</h1>\n'
        f"{writer.header()}</header>\n{_contents(document, layout, bool(glossary))}"
        f"<main>\n{body}\n</main>\n{glossary}\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _contents(document: ExportDocument, layout: Layout, glossary: bool) -> str:
    entries = [
        f'<li class="l{min(max(paragraph.level, 1) + 1, 6)}">'
        f'<a href="#{heading_id(paragraph)}">{text(heading_text(paragraph, layout))}</a></li>'
        for paragraph in document.paragraphs
        if paragraph.kind == "heading"
    ]
    if glossary:
        entries.append('<li class="l2"><a href="#glossary">Glossary</a></li>')
    if not entries:
        return ""
    items = "".join(entries)
    heading = '<h2 lang="en">Contents</h2>'
    return f'<nav class="toc" aria-label="Contents">{heading}<ol>{items}</ol></nav>\n'
