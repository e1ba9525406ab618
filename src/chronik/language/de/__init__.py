"""German: SoMaJo tokens and sentences, HanTa STTS tags and lemmas, separable verbs."""
