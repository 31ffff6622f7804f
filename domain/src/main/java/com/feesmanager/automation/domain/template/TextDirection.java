package com.feesmanager.automation.domain.template;

/**
 * The main direction of a template's own text, decided by counting strong-direction characters
 * (Unicode bidi classes L against R and AL). Right-to-left text (Urdu, Arabic) needs each inserted
 * value isolated, or an English name or an amount reorders the words around it on the phone.
 */
public enum TextDirection {
  LEFT_TO_RIGHT,
  RIGHT_TO_LEFT;

  /** U+2068 FIRST STRONG ISOLATE: the value takes the direction of its own first strong letter. */
  public static final char FIRST_STRONG_ISOLATE = '\u2068';

  /** U+2069 POP DIRECTIONAL ISOLATE: ends the isolate. */
  public static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

  /**
   * {@link #RIGHT_TO_LEFT} when {@code text} has more right-to-left strong characters than
   * left-to-right ones; a tie (no letters at all, say) stays left-to-right, as today.
   */
  public static TextDirection of(CharSequence text) {
    int leftToRight = 0;
    int rightToLeft = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = Character.codePointAt(text, i);
      switch (Character.getDirectionality(codePoint)) {
        case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> leftToRight++;
        case Character.DIRECTIONALITY_RIGHT_TO_LEFT,
            Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC ->
            rightToLeft++;
        default -> {
          // neutral and weak characters (digits, punctuation, spaces) do not vote
        }
      }
      i += Character.charCount(codePoint);
    }
    return rightToLeft > leftToRight ? RIGHT_TO_LEFT : LEFT_TO_RIGHT;
  }
}
