"""The OpenAPI 3 description of the feedback API, served at /api/v1/openapi.json."""

from __future__ import annotations

from .intake import MAX_NAMES, MAX_TEXT, SHIFTS


def _error_response(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def openapi_document() -> dict:
    """The API description; a test validates it."""
    person = {"type": "object", "required": ["id", "name"],
              "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}
    created = {"description": "Stored. The body describes the feedback and who it matched.",
               "content": {"application/json": {
                   "schema": {"$ref": "#/components/schemas/FeedbackResult"}}}}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Lineup feedback API",
            "version": "1.0.0",
            "description": (
                "Send customer feedback (praise, complaints, suggestions) from review sites "
                "and other systems to Lineup. Each integration has its own bearer token, "
                "bound to one site. Sending the same (source, external_id) again returns the "
                "feedback already stored instead of a copy."),
        },
        "servers": [{"url": "/"}],
        "security": [{"bearerToken": []}],
        "paths": {
            "/api/v1/feedback": {
                "post": {
                    "operationId": "createFeedback",
                    "summary": "Submit one piece of customer feedback",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/FeedbackInput"}}},
                    },
                    "responses": {
                        "201": created,
                        "200": {**created, "description": "Already stored earlier under the "
                                "same source and external_id; nothing changed."},
                        "400": _error_response("The body is not valid JSON or a field is "
                                               "invalid (see fields)."),
                        "401": _error_response("The token is missing, unknown or revoked."),
                        "403": _error_response("The token belongs to another site."),
                        "413": _error_response("The body is larger than 64 KiB."),
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "getOpenApi",
                    "summary": "This document",
                    "security": [],
                    "responses": {"200": {"description": "The OpenAPI document",
                                          "content": {"application/json": {
                                              "schema": {"type": "object"}}}}},
                }
            },
        },
        "components": {
            "securitySchemes": {
                "bearerToken": {"type": "http", "scheme": "bearer",
                                "description": "Created with `flask --app wsgi "
                                               "create-api-token --site SLUG --name NAME`."}
            },
            "schemas": {
                "FeedbackInput": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["source", "text"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["praise", "complaint", "suggestion"],
                                 "default": "praise"},
                        "text": {"type": "string", "maxLength": MAX_TEXT},
                        "staff_name": {"type": "string", "maxLength": MAX_NAMES,
                                       "description": "Who helped the customer, as written."},
                        "source": {"type": "string", "maxLength": 40,
                                   "example": "google-reviews"},
                        "external_id": {"type": "string", "maxLength": 120,
                                        "description": "The id in the source system; makes "
                                                       "the request idempotent."},
                        "occurred_on": {"type": "string", "format": "date"},
                        "shift": {"type": "string", "enum": list(SHIFTS)},
                        "rating": {"type": "integer", "minimum": 1, "maximum": 5},
                        "customer_name": {"type": "string", "maxLength": 120},
                        "customer_email": {"type": "string", "maxLength": 254},
                        "reply_consent": {"type": "boolean", "default": False,
                                          "description": "Customer details are kept only "
                                                         "with consent."},
                        "language": {"type": "string", "enum": ["de", "en"]},
                        "site": {"type": "string", "description": "Optional site slug; must "
                                                                  "be the token's site."},
                    },
                },
                "Person": person,
                "FeedbackResult": {
                    "type": "object",
                    "required": ["id", "status", "kind", "match", "matched_staff", "candidates"],
                    "properties": {
                        "id": {"type": "integer"},
                        "status": {"type": "string", "enum": ["pending", "approved",
                                                              "rejected"]},
                        "kind": {"type": "string"},
                        "match": {"type": "string",
                                  "enum": ["one", "several", "candidates", "none",
                                           "department"]},
                        "source": {"type": "string"},
                        "external_id": {"type": "string", "nullable": True},
                        "matched_staff": {"type": "array",
                                          "items": {"$ref": "#/components/schemas/Person"}},
                        "candidates": {"type": "array",
                                       "items": {"$ref": "#/components/schemas/Person"}},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {
                        "error": {"type": "string"},
                        "message": {"type": "string"},
                        "fields": {"type": "object",
                                   "additionalProperties": {"type": "string"}},
                    },
                },
            },
        },
    }
