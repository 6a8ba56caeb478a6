"""The district's Excel workbook, the clerk's Excel form, and the CSV export Excel opens.

``export`` writes the workbook from ``sheets`` (report sheets) and ``tables`` (data sheets), all
through ``style``; ``template`` writes the form that ``services.imports.xlsx`` reads back.
"""
