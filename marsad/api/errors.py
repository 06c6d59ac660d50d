"""One JSON shape for every error (``{"error": code, "message": text, "details": [...]}``), never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.errors import InputError, MarsadError

log = logging.getLogger("marsad.api")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type", 422: "invalid_input",
          500: "internal_error", 503: "unavailable"}


class ErrorDetail(BaseModel):
    loc: list[str | int] = []
    msg: str
    type: str = ""


class ErrorOut(BaseModel):
    """The body of every 4xx/5xx response."""

    error: str
    message: str
    details: list[ErrorDetail] | None = None


class ApiError(Exception):
    """An error with its HTTP status and code, raised by routes and dependencies."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.headers = status, message, code or _CODES.get(status, "error"), headers


def error_response(status: int, message: str, code: str | None = None, details: list[dict] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorOut(error=code or _CODES.get(status, "error"), message=message,
                    details=[ErrorDetail(**d) for d in details] if details is not None else None)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: these statuses return :class:`ErrorOut` (for the OpenAPI docs)."""
    return {s: {"model": ErrorOut, "description": _CODES.get(s, "error").replace("_", " ")} for s in statuses}


def _validation_details(exc: RequestValidationError) -> list[dict]:
    details = []
    for err in exc.errors():
        # never echo the input back: it may be a 100 kB article
        details.append({"loc": [p for p in err.get("loc", ()) if isinstance(p, str | int)],
                        "msg": str(err.get("msg", "invalid")), "type": str(err.get("type", ""))})
    return details


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into an :class:`ErrorOut` response."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        if any(d["type"] == "json_invalid" for d in details):
            return error_response(400, "malformed JSON body", "malformed_json", details)
        first = details[0] if details else {"loc": [], "msg": "invalid input"}
        where = ".".join(str(p) for p in first["loc"] if p not in ("body", "query", "path"))
        return error_response(422, f"{where}: {first['msg']}" if where else first["msg"], details=details)

    @app.exception_handler(InputError)
    async def _input_error(_: Request, exc: InputError) -> JSONResponse:
        return error_response(422, str(exc))

    @app.exception_handler(MarsadError)
    async def _marsad_error(_: Request, exc: MarsadError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal server error")
