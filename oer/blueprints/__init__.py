"""Good-practice blueprints: written by trainers and organisations' people, reviewed by an
editor, published as open educational resources of the kind `oer.blueprint`."""
