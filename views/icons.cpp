#include "views/icons.h"

#include "model/map/component.h"

#include <QCache>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QSvgRenderer>

#include <cmath>
#include <memory>

static void initFaultlineResources()
{
    Q_INIT_RESOURCE(faultline);
}

namespace faultline::icons {

void initResources()
{
    static const bool done = (initFaultlineResources(), true);
    Q_UNUSED(done);
}

QString kindIconPath(const QString &kind)
{
    const QString name = isKnownKind(kind) ? kind : QStringLiteral("generic");
    return QStringLiteral(":/icons/kinds/") + name + QStringLiteral(".svg");
}

QIcon kindIcon(const QString &kind)
{
    return QIcon(kindIconPath(kind));
}

namespace {

QSvgRenderer *renderer(const QString &kind)
{
    static QHash<QString, std::shared_ptr<QSvgRenderer>> renderers;
    const QString path = kindIconPath(kind);
    auto it = renderers.find(path);
    if (it == renderers.end())
        it = renderers.insert(path, std::make_shared<QSvgRenderer>(path));
    return it->get();
}

QImage cachedImage(const QString &kind, int pixels, bool inverse)
{
    static QCache<QString, QImage> cache(400);
    const QString key = kind + QLatin1Char('/') + QString::number(pixels)
        + (inverse ? QStringLiteral("/i") : QString());
    if (QImage *hit = cache.object(key))
        return *hit;
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        renderer(kind)->render(&p, QRectF(0, 0, pixels, pixels));
        if (inverse) {
            p.setCompositionMode(QPainter::CompositionMode_SourceIn);
            p.fillRect(image.rect(), Qt::white);
        }
    }
    cache.insert(key, new QImage(image));
    return image;
}

} // namespace

void drawKindIcon(QPainter *painter, const QString &kind, const QRectF &rect, bool inverse)
{
    const QPaintEngine *engine = painter->paintEngine();
    const bool vector =
        engine && (engine->type() == QPaintEngine::SVG || engine->type() == QPaintEngine::Pdf);
    if (vector && !inverse) {
        renderer(kind)->render(painter, rect);
        return;
    }
    // Buckets of powers of two keep the cache small at any zoom.
    const qreal scale =
        std::max(1.0, painter->transform().m11() * painter->device()->devicePixelRatioF());
    const qreal wanted = rect.width() * scale;
    int pixels = 16;
    while (pixels < wanted && pixels < 256)
        pixels *= 2;
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(rect, cachedImage(kind, pixels, inverse));
    painter->restore();
}

} // namespace faultline::icons
