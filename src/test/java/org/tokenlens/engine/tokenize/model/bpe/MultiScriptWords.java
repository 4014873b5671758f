package org.tokenlens.engine.tokenize.model.bpe;

import java.util.ArrayList;
import java.util.List;

/**
 * Single words (no whitespace) across scripts and shapes, for comparing a model with HF: common and long words,
 * accents, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, CJK, Hangul, emoji sequences, digits, punctuation,
 * identifiers, and rare code points that large vocabularies still lack (byte fallback).
 */
public final class MultiScriptWords {
    private MultiScriptWords() {
    }

    public static List<String> words() {
        List<String> words = new ArrayList<>(List.of(
                "the", "The", "hello", "Hello", "world", "tokenization", "Tokenizer", "unbelievable", "antidisestablishmentarianism",
                "pneumonoultramicroscopicsilicovolcanoconiosis", "supercalifragilisticexpialidocious", "don't", "it's", "I'm",
                "lowest", "newer", "wider", "running", "jumped", "quickly", "ChatGPT", "OpenAI", "HuggingFace", "JavaScript",
                "snake_case_identifier", "camelCaseIdentifier", "XMLHttpRequest", "__init__", "self.assertEqual", "i++",
                "0", "7", "42", "2024", "3.14159", "1,000,000", "0x1F600", "v1.2.3", "#hashtag", "@mention", "e-mail",
                "user@example.com", "https://example.org/path?q=1", "C:\\Windows\\System32", "...", "!!!", "?!", "--", "—",
                "«quoted»", "“curly”", "(parens)", "[brackets]", "{braces}", "<tag>", "</tag>", "&amp;", "$100", "€50", "£",
                "café", "naïve", "résumé", "Ångström", "Straße", "Donaudampfschifffahrtsgesellschaftskapitän",
                "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz", "façade", "jalapeño", "crème", "Œuvre",
                "Привет", "мир", "достопримечательности", "Здравствуйте", "Ελληνικά", "καλημέρα", "مرحبا", "العربية",
                "שלום", "עברית", "नमस्ते", "हिन्दी", "ภาษาไทย", "สวัสดี", "வணக்கம்", "తెలుగు", "ქართული", "Հայերեն", "አማርኛ",
                "中文", "你好", "我爱北京天安门", "漢字", "日本語", "こんにちは", "カタカナ", "ひらがなとカタカナ", "한국어", "안녕하세요",
                "Tiếng", "Việt", "ĐĐĐ", "İstanbul", "ı", "ǅ", "ﬁ", "Ⅻ", "①②③", "½", "x²", "H₂O", "∑", "∞", "≠", "→", "✓", "★",
                "😀", "😂", "🤖", "👍", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇩🇪", "🇯🇵", "❤️", "☃", "🎉🎉🎉", "a😀b", "ok👌",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𝐁𝐨𝐥𝐝", "𓀀𓀁", "𐌰𐌱𐌲", "𠜎𠜱𠝹", "𪚥", "ꙮ", "\u0001", "\u007f", "\u00ad", "\u200b", "\ufeff",
                "\ue000", "\uffff", "\u0378", "\u0300a", "e\u0301", "\t", "\n", "\r\n", "\n\n\n", "  ", "    ",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababab",
                "=====", "----------", "////", "ー", "〜", "・", "。", "、", "，", "！", "？"));
        StringBuilder longWord = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            longWord.append("tokenlens");
        }
        words.add(longWord.toString());
        words.add("汉字".repeat(40));
        return words;
    }
}
