"""The quizzes' work: queries and changes; they flush, never commit."""
