"""The built-in grounded responder (no LLM): intents, passage and product answers."""
