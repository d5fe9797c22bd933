"""A template body compiled, or a ``TemplateError`` that says what is wrong in the UI language.

The body and the short forms go through the same two functions: ``compile_checked`` (syntax,
then unknown filters and tests found by walking the parsed tree, then Jinja2's compiler) and
``template_error`` (any failure while rendering, classified by its type, never by Jinja's
English words, which stay in ``TemplateError.detail`` for the log).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from types import CodeType, TracebackType
from typing import Protocol

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError

from editor import __version__
from editor.errors import TemplateError
from editor.render.sandbox import TemplateLimitError, UndefinedNameError, UnsafeAccessError

BODY_FILENAME = "<body>"
_PAIRED_TAGS = frozenset({"if", "for", "macro", "call", "filter", "block", "with", "autoescape"})


def template_line(traceback: TracebackType | None, filename: str = BODY_FILENAME) -> int | None:
    """The line of the compiled template ``filename`` where a render failed, from its
    traceback (Jinja2 rewrites template frames to carry template line numbers)."""
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == filename:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def file_line(body_line: int | None, first_line: int | None) -> int | None:
    """A body line as a line of the template file whose body starts at ``first_line``."""
    if body_line is None or first_line is None:
        return body_line
    return first_line + body_line - 1


def _source_line(source: str | None, line: int | None) -> str:
    if not source or line is None:
        return ""
    lines = source.splitlines()
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def _tags(env: jinja2.Environment, source: str) -> list[tuple[int, str]]:
    """Each ``{% tag %}`` that opens or closes a pair, with its line (a ``set`` with ``=`` is
    no pair)."""
    tags: list[tuple[int, str]] = []
    tokens = list(env.lex(source))
    for index, (line, kind, _) in enumerate(tokens):
        if kind != "block_begin":
            continue
        words = [t for t in tokens[index + 1 :] if t[1] != "whitespace"]
        if not words or words[0][1] != "name":
            continue
        tag = words[0][2]
        if tag == "set":
            rest = []
            for token in words[1:]:
                if token[1] == "block_end":
                    break
                rest.append(token[2])
            if "=" not in rest:
                tags.append((line, tag))
        elif tag in _PAIRED_TAGS or tag.startswith("end"):
            tags.append((line, tag))
    return tags


def unbalanced_tag(
    env: jinja2.Environment, source: str
) -> tuple[str, dict[str, object], int] | None:
    """A ``{% tag %}`` without its end, or an end without its tag: code, parameters and body
    line, found by pairing the tags in the text (Jinja2 says it only in English)."""
    try:
        tags = _tags(env, source)
    except jinja2.TemplateSyntaxError:
        return None
    open_tags: list[tuple[int, str]] = []
    for line, tag in tags:
        if not tag.startswith("end"):
            open_tags.append((line, tag))
        elif open_tags and open_tags[-1][1] == tag[3:]:
            open_tags.pop()
        else:
            return "template.end_without_start", {"tag": tag, "start": tag[3:]}, line
    if open_tags:
        line, tag = open_tags[-1]
        return "template.start_without_end", {"tag": tag}, line
    return None


def classify(error: BaseException) -> tuple[str, dict[str, object]]:
    """The message code and parameters for a failure of a template, by its type."""
    if isinstance(error, TemplateLimitError):
        return error.code, dict(error.params)
    if isinstance(error, UnsafeAccessError):
        return "template.unsafe_attribute", {"name": error.name}
    if isinstance(error, SecurityError):
        return "template.not_allowed", {}
    if isinstance(error, OverflowError):  # the sandbox's range limit, or a number too large
        return "template.limit_range", {}
    if isinstance(error, MemoryError):
        return "template.too_big_result", {}
    if isinstance(error, UndefinedNameError):
        code = "template.no_attribute" if error.of_value else "template.undefined_name"
        return code, {"name": error.name}
    if isinstance(error, jinja2.UndefinedError):
        return "template.undefined", {}
    if isinstance(error, jinja2.TemplateSyntaxError):
        text = _source_line(error.source, error.lineno)
        return ("template.syntax_at", {"code": text}) if text else ("template.syntax", {})
    if isinstance(error, RecursionError):
        return "template.recursion", {}
    if isinstance(error, ZeroDivisionError):
        return "template.division_by_zero", {}
    if isinstance(error, TypeError | ValueError | LookupError | AttributeError):
        return "template.wrong_value", {}
    return "template.failed", {}


def template_error(
    error: BaseException,
    line: int | None,
    source: str = "",
    where: str | None = None,
) -> TemplateError:
    """The TemplateError for ``error``: at file ``line`` of ``source``, in part ``where`` of the
    template (``short.sms``; None for the body)."""
    code, params = classify(error)
    detail = f"{type(error).__name__}: {getattr(error, 'message', None) or error}"
    return TemplateError(code, line, source, detail, where, **params)


class UnknownNameError(jinja2.TemplateSyntaxError):
    """A filter or test the environment does not have, found in the parsed tree."""

    def __init__(self, code: str, name: str, lineno: int) -> None:
        super().__init__(f"no {code.rsplit('_', 1)[-1]} named {name!r}", lineno)
        self.code = code
        self.name = name


MAX_BLOCK_NESTING = 15  # {% for %} inside {% if %}...: Python refuses more than 20 at once
MAX_BRACKETS = 60  # ( [ { nested in one expression; deeper ones overflow the parser's stack
_OTHER_FILES = (nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)


def _too_deep(env: jinja2.Environment, body: str) -> None:
    """Refuse nesting the parser or Python's compiler cannot take, before either tries (they
    fail with "too many statically nested blocks" or a RecursionError)."""
    blocks = brackets = 0
    tag_next = False
    for line, kind, value in env.lex(body):
        if kind == "whitespace":
            continue
        if kind == "block_begin":
            tag_next = True
            continue
        is_tag, tag_next = tag_next and kind == "name", False
        if kind == "operator" and value in "([{":
            brackets += 1
            if brackets > MAX_BRACKETS:
                raise UnknownNameError("template.too_deep", "", line)
        elif kind == "operator" and value in ")]}":
            brackets = max(0, brackets - 1)
        elif is_tag and value in _PAIRED_TAGS:
            blocks += 1
            if blocks > MAX_BLOCK_NESTING:
                raise UnknownNameError("template.too_deep", "", line)
        elif is_tag and value.startswith("end") and value[3:] in _PAIRED_TAGS:
            blocks = max(0, blocks - 1)


def _unknown_names(env: jinja2.Environment, tree: nodes.Template) -> None:
    for other in tree.find_all(_OTHER_FILES):
        raise UnknownNameError("template.other_file", "", other.lineno)
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        if isinstance(node, nodes.Filter) and node.name not in env.filters:
            raise UnknownNameError("template.unknown_filter", node.name, node.lineno)
        if isinstance(node, nodes.Test) and node.name not in env.tests:
            raise UnknownNameError("template.unknown_test", node.name, node.lineno)


class CodeStore(Protocol):
    """Where compiled bodies outlive the process (``editor.storage.compiled_cache``)."""

    def get(self, key: str) -> CodeType | None: ...

    def put(self, key: str, code: CodeType) -> None: ...


_code_store: CodeStore | None = None
CODE_FORMAT = 1


def keep_compiled_in(store: CodeStore | None) -> None:
    """Keep the code of every body compiled from now on in ``store`` and look there first
    (None: in memory only, the default)."""
    global _code_store
    _code_store = store


def code_key(env: jinja2.Environment, body: str, name: str, filename: str) -> str:
    """A hash of everything the compiled code of ``body`` depends on, and of the filter and
    test names its checks found (a body stays good only while they exist)."""
    options = (
        type(env).__qualname__, env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string, env.comment_start_string,
        env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, env.is_async, sorted(env.extensions), env.autoescape is True,
        env.finalize is not None, getattr(env.finalize, "jinja_pass_arg", None),
    )  # fmt: skip
    parts = (
        str(CODE_FORMAT), __version__, jinja2.__version__, sys.version, repr(options),
        ",".join(sorted(env.filters)), ",".join(sorted(env.tests)), name, filename, body,
    )  # fmt: skip
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


@functools.lru_cache(maxsize=128)
def _compile(env: jinja2.Environment, body: str, name: str, filename: str) -> jinja2.Template:
    store = _code_store
    key = code_key(env, body, name, filename) if store is not None else ""
    code = store.get(key) if store is not None else None
    if code is None:
        _too_deep(env, body)
        tree = env.parse(body, name, filename)
        _unknown_names(env, tree)
        code = env.compile(tree, name=name, filename=filename)  # parsed once
        if store is not None:
            store.put(key, code)
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def compile_checked(
    env: jinja2.Environment,
    body: str,
    filename: str = BODY_FILENAME,
    *,
    source: str = "",
    first_line: int | None = None,
    where: str | None = None,
) -> jinja2.Template:
    """``body`` compiled in ``env`` (cached), or TemplateError naming the file line."""
    try:
        return _compile(env, body, filename.strip("<>"), filename)
    except UnknownNameError as error:
        raise TemplateError(
            error.code, file_line(error.lineno, first_line), source, str(error), where,
            name=error.name,
        ) from None  # fmt: skip
    except jinja2.TemplateSyntaxError as error:
        pairing = unbalanced_tag(env, body)
        if pairing is not None:
            code, params, line = pairing
            raise TemplateError(
                code, file_line(line, first_line), source, str(error), where, **params
            ) from None
        error.source = error.source or body
        raise template_error(error, file_line(error.lineno, first_line), source, where) from None
    except (SecurityError, RecursionError, MemoryError) as error:
        raise template_error(error, None, source, where) from None
