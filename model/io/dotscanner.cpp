#include "model/io/dotscanner.h"

#include "model/map/limits.h"

#include <QStringList>

#include <vector>

namespace faultline::dot {

namespace {

struct Token
{
    enum Type { Id, Punct, EdgeOp, End };
    Type type = End;
    QByteArray text; // decoded for Id; the character for Punct
    int line = 1;
    bool quoted = false;

    bool is(char c) const { return type == Punct && text.size() == 1 && text[0] == c; }
    bool isKeyword(const char *word) const
    {
        return type == Id && !quoted && text.compare(QByteArray(word), Qt::CaseInsensitive) == 0;
    }
};

class Lexer
{
public:
    explicit Lexer(const QByteArray &d) : m_d(d) { }

    std::vector<Token> all()
    {
        std::vector<Token> out;
        for (Token t = next(); t.type != Token::End; t = next()) {
            // "a" + "b" is one string.
            if (t.type == Token::Id && t.quoted && !out.empty() && out.size() >= 2
                && out.back().is('+') && out[out.size() - 2].quoted) {
                out.pop_back();
                out.back().text += t.text;
                continue;
            }
            out.push_back(std::move(t));
        }
        return out;
    }

private:
    char at(qsizetype i) const { return i < m_d.size() ? m_d[i] : '\0'; }

    void skipBlanks()
    {
        for (;;) {
            const char c = at(m_i);
            if (c == '\n') {
                ++m_line;
                ++m_i;
                m_lineStart = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
                ++m_i;
            } else if (c == '#' && m_lineStart) {
                while (m_i < m_d.size() && at(m_i) != '\n')
                    ++m_i;
            } else if (c == '/' && at(m_i + 1) == '/') {
                while (m_i < m_d.size() && at(m_i) != '\n')
                    ++m_i;
            } else if (c == '/' && at(m_i + 1) == '*') {
                m_i += 2;
                while (m_i < m_d.size() && !(at(m_i) == '*' && at(m_i + 1) == '/')) {
                    if (at(m_i) == '\n')
                        ++m_line;
                    ++m_i;
                }
                m_i += 2;
            } else {
                return;
            }
        }
    }

    static bool isIdChar(char c, bool first)
    {
        const auto u = static_cast<unsigned char>(c);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80
            || (!first && c >= '0' && c <= '9');
    }

    Token next()
    {
        skipBlanks();
        Token t;
        t.line = m_line;
        if (m_i >= m_d.size())
            return t;
        m_lineStart = false;
        const char c = at(m_i);
        if (c == '"')
            return quoted(t);
        if (c == '<')
            return html(t);
        if (c == '-' && (at(m_i + 1) == '>' || at(m_i + 1) == '-')) {
            t.type = Token::EdgeOp;
            t.text = m_d.mid(m_i, 2);
            m_i += 2;
            return t;
        }
        if (isIdChar(c, true)) {
            const qsizetype start = m_i;
            while (m_i < m_d.size() && isIdChar(at(m_i), false))
                ++m_i;
            t.type = Token::Id;
            t.text = m_d.mid(start, m_i - start);
            return t;
        }
        if ((c >= '0' && c <= '9') || c == '.' || c == '-') {
            const qsizetype start = m_i++;
            while (m_i < m_d.size() && ((at(m_i) >= '0' && at(m_i) <= '9') || at(m_i) == '.'))
                ++m_i;
            t.type = Token::Id;
            t.text = m_d.mid(start, m_i - start);
            return t;
        }
        t.type = Token::Punct;
        t.text = QByteArray(1, c);
        ++m_i;
        return t;
    }

    // As cgraph's scanner: \" is a quote, backslash-newline joins lines, anything else stays.
    Token quoted(Token t)
    {
        t.type = Token::Id;
        t.quoted = true;
        ++m_i;
        while (m_i < m_d.size() && at(m_i) != '"') {
            const char c = at(m_i);
            if (c == '\\' && at(m_i + 1) == '"') {
                t.text += '"';
                m_i += 2;
            } else if (c == '\\' && at(m_i + 1) == '\\') {
                t.text += "\\\\";
                m_i += 2;
            } else if (c == '\\' && at(m_i + 1) == '\n') {
                ++m_line;
                m_i += 2;
            } else {
                if (c == '\n')
                    ++m_line;
                t.text += c;
                ++m_i;
            }
        }
        ++m_i;
        return t;
    }

    Token html(Token t)
    {
        t.type = Token::Id;
        t.quoted = true;
        int depth = 0;
        const qsizetype start = m_i;
        do {
            const char c = at(m_i);
            if (c == '<')
                ++depth;
            else if (c == '>')
                --depth;
            else if (c == '\n')
                ++m_line;
            ++m_i;
        } while (depth > 0 && m_i < m_d.size());
        t.text = m_d.mid(start + 1, std::max<qsizetype>(0, m_i - start - 2));
        return t;
    }

    const QByteArray &m_d;
    qsizetype m_i = 0;
    int m_line = 1;
    bool m_lineStart = true;
};

class Parser
{
public:
    Parser(std::vector<Token> tokens, SourceInfo &info) : m_t(std::move(tokens)), m_info(info) { }

    void graph()
    {
        if (peek().isKeyword("strict"))
            ++m_i;
        if (peek().isKeyword("graph") || peek().isKeyword("digraph"))
            ++m_i;
        if (peek().type == Token::Id)
            ++m_i;
        if (!peek().is('{'))
            return;
        ++m_i;
        m_stack.push_back({QString(), {}, {}});
        statements();
        m_info.rootAttributes = m_stack.front().attributes;
        if (m_info.tooDeepLine == 0 && m_i < m_t.size())
            m_info.trailingLine = m_t[m_i].line;
    }

private:
    struct Context
    {
        QString name; // empty for the root and anonymous subgraphs
        QSet<QString> attributes;
        QStringList nodes;
    };

    const Token &peek(int ahead = 0) const
    {
        static const Token end;
        const std::size_t i = m_i + std::size_t(ahead);
        return i < m_t.size() ? m_t[i] : end;
    }

    static QString str(const Token &t) { return QString::fromUtf8(t.text); }

    void statements()
    {
        while (peek().type != Token::End && !peek().is('}')) {
            const std::size_t before = m_i;
            statement();
            if (m_i == before)
                ++m_i; // never stall on a token the grammar does not expect
        }
        if (peek().is('}'))
            ++m_i;
    }

    // Attribute names in one [ ... ] list or several.
    QStringList attributeLists()
    {
        QStringList names;
        while (peek().is('[')) {
            ++m_i;
            while (peek().type != Token::End && !peek().is(']')) {
                if (peek().type == Token::Id && peek(1).is('='))
                    names.append(str(peek()));
                ++m_i;
            }
            if (peek().is(']'))
                ++m_i;
        }
        return names;
    }

    void statement()
    {
        const Token &t = peek();
        if (t.is(';') || t.is(',')) {
            ++m_i;
            return;
        }
        if ((t.isKeyword("graph") || t.isKeyword("node") || t.isKeyword("edge"))
            && peek(1).is('[')) {
            const bool graph = t.isKeyword("graph");
            ++m_i;
            const QStringList names = attributeLists();
            if (graph) {
                for (const QString &n : names)
                    m_stack.back().attributes.insert(n);
            }
            return;
        }
        if (t.type == Token::Id && !t.isKeyword("subgraph") && peek(1).is('=')) {
            m_stack.back().attributes.insert(str(t));
            m_i += 3;
            return;
        }
        QStringList ends = endpoint();
        while (peek().type == Token::EdgeOp) {
            const int line = peek().line;
            ++m_i;
            const QStringList heads = endpoint();
            for (const QString &a : ends) {
                for (const QString &b : heads)
                    m_info.edgeLines[qMakePair(a, b)].append(line);
            }
            ends = heads;
        }
        attributeLists();
    }

    void mentionNode(const QString &name, int line)
    {
        if (!m_info.nodeLine.contains(name))
            m_info.nodeLine.insert(name, line);
        for (Context &c : m_stack)
            c.nodes.append(name);
    }

    // A node (with an optional port) or a subgraph; returns the nodes it stands for.
    QStringList endpoint()
    {
        const Token &t = peek();
        if (t.isKeyword("subgraph") || t.is('{')) {
            const int line = t.line;
            QString name;
            if (t.isKeyword("subgraph")) {
                ++m_i;
                if (peek().type == Token::Id && !peek().is('{'))
                    name = str(m_t[m_i++]);
            }
            if (!name.isEmpty() && !m_info.subgraphLine.contains(name))
                m_info.subgraphLine.insert(name, line);
            if (!peek().is('{'))
                return {};
            if (int(m_stack.size()) >= limits::maxDotNesting) {
                m_info.tooDeepLine = peek().line;
                m_i = m_t.size(); // stop here: nothing after this is read
                return {};
            }
            ++m_i;
            m_stack.push_back({name, {}, {}});
            statements();
            Context done = m_stack.back();
            m_stack.pop_back();
            if (!done.name.isEmpty())
                m_info.subgraphAttributes[done.name] += done.attributes;
            return done.nodes;
        }
        if (t.type != Token::Id)
            return {};
        const QString name = str(t);
        mentionNode(name, t.line);
        ++m_i;
        while (peek().is(':') && peek(1).type == Token::Id)
            m_i += 2;
        return {name};
    }

    std::vector<Token> m_t;
    std::size_t m_i = 0;
    SourceInfo &m_info;
    std::vector<Context> m_stack;
};

} // namespace

SourceInfo scan(const QByteArray &dot)
{
    SourceInfo info;
    Parser(Lexer(dot).all(), info).graph();
    return info;
}

} // namespace faultline::dot
