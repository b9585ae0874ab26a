"""XML parsed safely for TCX and GPX: no DTD, no entities, no external references (a file
must not run code, reach the network or blow up memory), and tags without namespaces."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_tree
from defusedxml import DefusedXmlException

from core.activities.model import IntegrityFailed


def parse_xml(data: bytes, name: str) -> Element:
    """The root element; IntegrityFailed for malformed XML or a DTD/entity declaration."""
    try:
        root = safe_tree.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                    forbid_external=True)
    except DefusedXmlException as exc:
        raise IntegrityFailed(name, f"refused XML: it declares a DTD or entities "
                                    f"({type(exc).__name__})") from None
    except ParseError as exc:
        raise IntegrityFailed(name, f"integrity check failed: malformed XML ({exc})") from None
    except ValueError as exc:
        raise IntegrityFailed(name, f"integrity check failed: malformed XML ({exc})") from None
    return root  # type: ignore[no-any-return]


def local(tag: str) -> str:
    """``{namespace}Name`` -> ``Name``."""
    return tag.rsplit("}", 1)[-1]


def children(element: Element, name: str) -> Iterator[Element]:
    """The direct children called ``name`` (any namespace)."""
    return (c for c in element if local(c.tag) == name)


def child(element: Element, name: str) -> Element | None:
    return next(children(element, name), None)


def text_of(element: Element | None, name: str) -> str | None:
    """The stripped text of the first child called ``name``, or None."""
    found = None if element is None else child(element, name)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def descendants(element: Element, name: str) -> Iterator[Element]:
    """Every element below ``element`` called ``name`` (any namespace), in document order."""
    return (e for e in element.iter() if local(e.tag) == name)


def looks_like_xml(data: bytes) -> bool:
    """The bytes begin (after a BOM and white space) with ``<``."""
    head = data[:512].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"<")
