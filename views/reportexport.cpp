#include "views/reportexport.h"

#include "model/io/fileio.h"
#include "model/map/errors.h"
#include "model/report/htmlreport.h"
#include "views/diagramexport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFont>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace faultline::reportexport {

QByteArray html(const Map &map, const Scenario &scenario, const Options &options)
{
    const report::ReportData data = report::buildReport(map, scenario, options.report);
    const diagramexport::Picture picture(map, scenario);
    report::Diagram diagram;
    diagram.data = picture.svg();
    diagram.mimeType = QByteArrayLiteral("image/svg+xml");
    return report::html(data, diagram);
}

QByteArray pdf(const Map &map, const Scenario &scenario, const Options &options)
{
    const report::ReportData data = report::buildReport(map, scenario, options.report);
    const diagramexport::Picture picture(map, scenario);

    // The HTML is laid out on a page `zoom` times larger than the paper's printable area (in
    // 96-dpi units) and print() scales it down to the paper: the report's seven-column tables
    // get the width they need. The diagram gets the text width and at most most of a page's
    // height, drawn from an image of three times that many pixels to stay sharp on paper.
    constexpr qreal zoom = 1.45;
    const QPageLayout layout(QPageSize(options.page), options.orientation,
        QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    const QSizeF paint = layout.paintRect(QPageLayout::Inch).size() * 96 * zoom;
    constexpr qreal documentMargin = 4;
    const qreal bodyWidth = paint.width() - 2 * documentMargin - 8;
    const qreal bodyHeight = paint.height() - 2 * documentMargin - 160;
    const QSizeF size = picture.size();
    const qreal scale = std::min(bodyWidth / size.width(), bodyHeight / size.height());
    const int shownWidth = std::max(1, int(std::floor(size.width() * scale)));

    diagramexport::Options imageOptions;
    imageOptions.width = shownWidth * 3;
    const QImage image = picture.image(imageOptions);
    report::Diagram diagram;
    {
        QBuffer buffer(&diagram.data);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    diagram.mimeType = QByteArrayLiteral("image/png");
    diagram.width = shownWidth;
    const QByteArray html = report::html(data, diagram);

    QTextDocument document;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    // The importer looks the image up by its src; hand it the decoded image rather than rely on
    // data: URL support.
    const QUrl url(
        QStringLiteral("data:image/png;base64,") + QString::fromLatin1(diagram.data.toBase64()));
    document.addResource(QTextDocument::ImageResource, url, image);
    document.setHtml(QString::fromUtf8(html));
    document.setDocumentMargin(documentMargin);
    document.setPageSize(paint);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(QStringLiteral("%1 — %2").arg(data.mapName, data.scenarioName));
    writer.setCreator(QStringLiteral("Faultline"));
    writer.setResolution(300);
    writer.setPageLayout(layout);
    document.print(&writer);
    return bytes;
}

void write(const QString &path, const Map &map, const Scenario &scenario, const Options &options)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray bytes;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        bytes = html(map, scenario, options);
    else if (suffix == QLatin1String("pdf"))
        bytes = pdf(map, scenario, options);
    else
        throw FormatError(
            QStringLiteral("%1: cannot tell the format; the report is .html or .pdf").arg(path));
    writeWholeFile(path, bytes);
}

} // namespace faultline::reportexport
