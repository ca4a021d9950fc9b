#pragma once
// Fixed-width per-row form of an identifier: a lowercase hex string of up to
// 2*N characters is stored as nibbles (32-hex ids in 16 bytes); anything else
// goes to a side list of strings and the slot keeps its index.

#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <array>
#include <cstring>
#include <type_traits>

namespace models {

template <int N> struct PackedId
{
    static_assert(N >= 4, "the overflow index needs four bytes");
    static constexpr quint8 kOverflow = 0xFF;
    static constexpr int kMaxHex = 2 * N;

    quint8 tag = 0; // 0: empty, 1..2N: that many hex digits packed, kOverflow: side list index
    quint8 bytes[N] = {};

    bool isEmpty() const { return tag == 0; }
    bool isHex() const { return tag != 0 && tag != kOverflow; }
    bool isOverflow() const { return tag == kOverflow; }

    quint32 overflowIndex() const
    {
        quint32 v;
        std::memcpy(&v, bytes, sizeof v);
        return v;
    }

    static char16_t unit(char16_t c) { return c; }
    static char16_t unit(char c) { return static_cast<unsigned char>(c); }
    static int hexValue(char16_t c)
    {
        static constexpr auto kTable = [] {
            std::array<signed char, 128> t{};
            for (auto &v : t)
                v = -1;
            for (int i = 0; i < 10; ++i)
                t[std::size_t('0' + i)] = static_cast<signed char>(i);
            for (int i = 0; i < 6; ++i)
                t[std::size_t('a' + i)] = static_cast<signed char>(10 + i);
            return t;
        }();
        return c < 128 ? kTable[c] : -1;
    }

    // Packs s (UTF-16, or UTF-8 bytes) as hex when it can; false means the
    // caller must store s on the side (out is then unspecified).
    static bool tryPack(QStringView s, PackedId &out) { return tryPack(s.utf16(), s.size(), out); }
    static bool tryPack(QByteArrayView s, PackedId &out) { return tryPack(s.data(), s.size(), out); }
    template <typename Char> static bool tryPack(const Char *p, qsizetype n, PackedId &out)
    {
        if (n > kMaxHex)
            return false;
        PackedId r;
        if constexpr (std::is_same_v<Char, char>) {
            // UTF-8 ids (decoded pages, archive blocks) are nearly always 16
            // or 32 digits: eight digits a time in one word, no byte stores
            // (their store-to-load stall was most of the time this took).
            // Written straight into out (a column's slot): building the id
            // on the stack and copying it cost another stall.
            if (n % 8 == 0) {
                for (qsizetype i = 0; i < n; i += 8) {
                    quint32 packed;
                    if (!packEightHex(p + i, &packed)) {
                        out = PackedId();
                        return false;
                    }
                    std::memcpy(out.bytes + i / 2, &packed, 4);
                }
                if (n < kMaxHex)
                    std::memset(out.bytes + n / 2, 0, std::size_t(N - n / 2));
                out.tag = quint8(n);
                return true;
            }
        }
        qsizetype i = 0;
        for (; i + 1 < n; i += 2) {
            const int hi = hexValue(unit(p[i]));
            const int lo = hexValue(unit(p[i + 1]));
            if ((hi | lo) < 0)
                return false;
            r.bytes[i / 2] = quint8(hi << 4 | lo);
        }
        if (i < n) {
            const int hi = hexValue(unit(p[i]));
            if (hi < 0)
                return false;
            r.bytes[i / 2] = quint8(hi << 4);
        }
        r.tag = quint8(n);
        out = r;
        return true;
    }

    // Eight lowercase hex digits → their four bytes in text order (first
    // digit in the high nibble of the first byte); false if any is not one.
    static bool packEightHex(const char *p, quint32 *out)
    {
        constexpr quint64 kOnes = 0x0101010101010101ull;
        constexpr quint64 kHigh = 0x8080808080808080ull;
        quint64 w;
        std::memcpy(&w, p, 8); // little-endian: the first digit is the low byte
        if (w & kHigh)
            return false;
        // Per byte (all below 0x80, so no carry crosses a byte): high bit set
        // when the byte is ≥ lo, resp. ≤ hi.
        const auto atLeast = [w](quint8 lo) { return (w + kOnes * quint8(0x80 - lo)) & kHigh; };
        const auto atMost = [w](quint8 hi) { return ~(w + kOnes * quint8(0x7F - hi)) & kHigh; };
        const quint64 digit = atLeast('0') & atMost('9');
        const quint64 letter = atLeast('a') & atMost('f');
        if ((digit | letter) != kHigh)
            return false;
        // '0'–'9' and 'a'–'f' keep their value (letters minus nine) in the low nibble.
        const quint64 nibbles = (w & (kOnes * 0x0F)) + (letter >> 7) * 9;
        // Byte pairs → one byte each in the low half of every 16-bit lane, then packed.
        constexpr quint64 kLaneLow = 0x000F000F000F000Full;
        quint64 x = ((nibbles & kLaneLow) << 4) | ((nibbles >> 8) & kLaneLow);
        x = (x | (x >> 8)) & 0x0000FFFF0000FFFFull;
        x = (x | (x >> 16)) & 0x00000000FFFFFFFFull;
        *out = quint32(x);
        return true;
    }
    // The packing above assumes the little-endian word order of x86 and ARM.
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "packEightHex reads words little-endian");

    static PackedId overflow(quint32 index)
    {
        PackedId p;
        p.tag = kOverflow;
        std::memcpy(p.bytes, &index, sizeof index);
        return p;
    }

    // Writes the hex digits into buf (at least 2N chars); returns how many.
    int unpackHex(char *buf) const
    {
        static constexpr char kDigits[] = "0123456789abcdef";
        const int n = tag;
        for (int i = 0; i < n; ++i) {
            const quint8 b = bytes[i / 2];
            buf[i] = kDigits[i % 2 == 0 ? b >> 4 : b & 0xF];
        }
        return n;
    }

    QString hexString() const
    {
        char buf[kMaxHex];
        const int n = unpackHex(buf);
        return QString::fromLatin1(buf, n);
    }

    friend bool operator==(const PackedId &a, const PackedId &b)
    {
        return a.tag == b.tag && std::memcmp(a.bytes, b.bytes, N) == 0;
    }
};

} // namespace models
