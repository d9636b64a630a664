"""Keys and field encryption for personal data (주민등록번호, bank account)."""
